using System.Text;
using Lambada.Runtime.Http;

namespace Lambada.Tests.Runtime.Http;

[TestClass]
public sealed class HttpEventDetectorTests
{
    [TestMethod]
    [DataRow("{\"version\":\"2.0\",\"requestContext\":{\"http\":{\"method\":\"GET\"}}}")]
    [DataRow("{\"requestContext\":{\"apiId\":\"x\",\"http\":{}},\"rawPath\":\"/\",\"version\":\"2.0\"}", DisplayName = "any member order")]
    [DataRow("{\"headers\":{\"version\":\"1.0\"},\"version\":\"2.0\",\"requestContext\":{\"authorizer\":{\"http\":1},\"http\":{}}}", DisplayName = "nested look-alikes skipped")]
    public void A_payload_v2_event_is_one(string payload) =>
        Assert.IsTrue(HttpEventDetector.IsHttpEvent(Encoding.UTF8.GetBytes(payload)));

    [TestMethod]
    [DataRow("", DisplayName = "empty")]
    [DataRow("[\"echo hi\"]", DisplayName = "an array")]
    [DataRow("\"2.0\"", DisplayName = "a string")]
    [DataRow("{\"body\":\"[\\\"echo hi\\\"]\"}", DisplayName = "an object without version")]
    [DataRow("{\"version\":\"1.0\",\"requestContext\":{\"http\":{}}}", DisplayName = "payload 1.0")]
    [DataRow("{\"version\":2.0,\"requestContext\":{\"http\":{}}}", DisplayName = "version a number")]
    [DataRow("{\"version\":\"2.0\"}", DisplayName = "no requestContext")]
    [DataRow("{\"version\":\"2.0\",\"requestContext\":{\"httpMethod\":\"GET\"}}", DisplayName = "REST API shape")]
    [DataRow("{\"version\":\"2.0\",\"requestContext\":{\"http\":\"GET\"}}", DisplayName = "http not an object")]
    [DataRow("{\"version\":\"2.0\",\"requestContext\":{\"http\":{", DisplayName = "cut short")]
    [DataRow("{\"version\":\"2.0\",\"requestContext\":", DisplayName = "cut short before the context")]
    [DataRow("not json", DisplayName = "not JSON")]
    public void Anything_else_is_not(string payload) =>
        Assert.IsFalse(HttpEventDetector.IsHttpEvent(Encoding.UTF8.GetBytes(payload)));
}
