using Lambada.Build.Aws.Lambda;

namespace Lambada.Tests.Aws.Clients;

/// <summary>
/// GetPolicy's <c>Policy</c> string read into statements: AWS's shape (principals as <c>"*"</c>, <c>{"Service":…}</c>,
/// <c>{"AWS":…}</c>; SourceArn under <c>ArnLike</c>, the URL members under <c>StringEquals</c>/<c>Bool</c>; an action as a
/// string or a list) and moto 5.2.1's (the URL members as top-level keys, no Condition).
/// </summary>
[TestClass]
public sealed class PolicyDocumentTests
{
    private const string Resource = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    [TestMethod]
    public void AWS_shape_of_the_two_public_URL_statements_and_an_API_Gateway_one()
    {
        var policy = $$$$"""
            {"Version":"2012-10-17","Id":"default","Statement":[
              {"Sid":"FunctionURLAllowPublicAccess","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl","Resource":"{{{{Resource}}}}",
               "Condition":{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}},
              {"Sid":"FunctionURLAllowInvokeAction","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunction","Resource":"{{{{Resource}}}}",
               "Condition":{"Bool":{"lambda:InvokedViaFunctionUrl":"true"}}},
              {"Sid":"lambada-http-api","Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"{{{{Resource}}}}",
               "Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/*"}}}]}
            """;

        var statements = PolicyDocument.Statements(policy);

        CollectionAssert.AreEqual(new[]
        {
            new PolicyStatement("FunctionURLAllowPublicAccess") { Action = "lambda:InvokeFunctionUrl", Principal = "*", FunctionUrlAuthType = "NONE" },
            new PolicyStatement("FunctionURLAllowInvokeAction") { Action = "lambda:InvokeFunction", Principal = "*", InvokedViaFunctionUrl = true },
            new PolicyStatement("lambada-http-api")
            {
                Action = "lambda:InvokeFunction",
                Principal = "apigateway.amazonaws.com",
                SourceArn = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/*",
            },
        }, statements.ToArray());
    }

    [TestMethod]
    public void An_account_principal_is_its_AWS_value_and_StringEquals_SourceAccount_is_not_a_SourceArn()
    {
        var policy = $$$$"""
            {"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"xaccount","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::223456789012:root"},
              "Action":"lambda:GetFunction","Resource":"{{{{Resource}}}}","Condition":{"StringEquals":{"AWS:SourceAccount":"223456789012"}}}]}
            """;

        var statement = PolicyDocument.Statements(policy).Single();

        Assert.AreEqual("arn:aws:iam::223456789012:root", statement.Principal);
        Assert.IsNull(statement.SourceArn);
        Assert.AreEqual("lambda:GetFunction", statement.Action);
    }

    [TestMethod]
    public void S3_with_SourceArn_and_SourceAccount_both_under_Condition()
    {
        var policy = $$$$"""
            {"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"s3","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},
              "Action":"lambda:InvokeFunction","Resource":"{{{{Resource}}}}:1","Condition":{"StringEquals":{"AWS:SourceAccount":"123456789012"},
              "ArnLike":{"AWS:SourceArn":"arn:aws:s3:::my-bucket"}}}]}
            """;

        var statement = PolicyDocument.Statements(policy).Single();

        Assert.AreEqual("s3.amazonaws.com", statement.Principal);
        Assert.AreEqual("arn:aws:s3:::my-bucket", statement.SourceArn);
    }

    [TestMethod]
    public void An_action_list_is_comma_joined_and_a_single_item_list_is_that_item()
    {
        var policy = """
            {"Statement":[{"Sid":"a","Principal":"*","Action":["lambda:InvokeFunction","lambda:InvokeFunctionUrl"]},
                          {"Sid":"b","Principal":{"Service":["apigateway.amazonaws.com"]},"Action":["lambda:InvokeFunction"]}]}
            """;

        var statements = PolicyDocument.Statements(policy);

        Assert.AreEqual("lambda:InvokeFunction,lambda:InvokeFunctionUrl", statements[0].Action);
        Assert.AreEqual("lambda:InvokeFunction", statements[1].Action);
        Assert.AreEqual("apigateway.amazonaws.com", statements[1].Principal);
    }

    [TestMethod]
    public void Motos_shape_keeps_the_URL_members_as_top_level_keys()
    {
        // moto 5.2.1's GetPolicy after the AWS CLI's three add-permission calls, verbatim: the URL members stored as given, no Condition.
        const string policy = """
            {"Version": "2012-10-17", "Id": "default", "Statement": [{"Action": "lambda:InvokeFunctionUrl", "Principal": "*", "FunctionUrlAuthType": "NONE", "Effect": "Allow", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:fn", "Sid": "FunctionURLAllowPublicAccess"}, {"Action": "lambda:InvokeFunction", "Principal": "*", "InvokedViaFunctionUrl": true, "Effect": "Allow", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:fn", "Sid": "FunctionURLAllowInvokeAction"}, {"Action": "lambda:InvokeFunction", "Principal": {"Service": "apigateway.amazonaws.com"}, "Effect": "Allow", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:fn", "Sid": "api", "Condition": {"ArnLike": {"AWS:SourceArn": "arn:aws:execute-api:us-east-1:123456789012:abc/*/*"}}}]}
            """;

        var statements = PolicyDocument.Statements(policy);

        CollectionAssert.AreEqual(new[]
        {
            new PolicyStatement("FunctionURLAllowPublicAccess") { Action = "lambda:InvokeFunctionUrl", Principal = "*", FunctionUrlAuthType = "NONE" },
            new PolicyStatement("FunctionURLAllowInvokeAction") { Action = "lambda:InvokeFunction", Principal = "*", InvokedViaFunctionUrl = true },
            new PolicyStatement("api")
            {
                Action = "lambda:InvokeFunction",
                Principal = "apigateway.amazonaws.com",
                SourceArn = "arn:aws:execute-api:us-east-1:123456789012:abc/*/*",
            },
        }, statements.ToArray());
    }

    [TestMethod]
    public void A_single_statement_object_and_an_empty_document_are_read()
    {
        Assert.AreEqual("only", PolicyDocument.Statements("""{"Statement":{"Sid":"only","Principal":"*","Action":"*"}}""").Single().Sid);
        Assert.IsEmpty(PolicyDocument.Statements("""{"Version":"2012-10-17","Statement":[]}"""));
        Assert.IsEmpty(PolicyDocument.Statements(""));
        Assert.IsEmpty(PolicyDocument.Statements(null));
    }

    [TestMethod]
    public void A_Policy_string_that_is_not_JSON_throws()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => PolicyDocument.Statements("{not json"));
    }
}
