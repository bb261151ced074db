"""Writes sigv4-apigateway-vectors.json: API Gateway v2 requests signed by botocore's own apigatewayv2 client.

The requests are the ones Lambada's ApiGatewayClient makes (GetApis paged, CreateApi, CreateRoute, UpdateRoute = PATCH,
DeleteRoute, in a commercial and a China region, one with a session token). botocore builds each request from the
service model (endpoint, path, query, camelCase body, Content-Type) and signs it with SigV4 for the signing name
"apigateway" at a frozen clock; a before-send hook records the signed request and answers it without any network.
The file has the shape of sigv4-vectors.json ("client" cases).

    python3 generate_apigateway_vectors.py > sigv4-apigateway-vectors.json   # botocore 1.43.11
"""
import datetime
import json
import sys

import botocore
import botocore.auth
import botocore.session
from botocore.awsrequest import AWSResponse

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+token/with+slashes=="
FROZEN = datetime.datetime(2015, 8, 30, 12, 36, 0)
botocore.auth.get_current_datetime = lambda remove_tzinfo=True: FROZEN

CASES = [
    ("apigateway-GetApis-page", "eu-west-1", None, "get_apis", {"MaxResults": "100", "NextToken": "page 2/+="}),
    ("apigateway-GetApis-china", "cn-north-1", None, "get_apis", {"MaxResults": "100"}),
    ("apigateway-CreateApi-session", "us-east-1", TOKEN, "create_api",
     {"Name": "orders-api", "ProtocolType": "HTTP", "Tags": {"lambada:project": "Orders"}}),
    ("apigateway-CreateRoute", "eu-west-1", None, "create_route",
     {"ApiId": "a1b2c3d4e5", "RouteKey": "GET /orders/{id}", "Target": "integrations/abc123", "AuthorizationType": "AWS_IAM"}),
    ("apigateway-UpdateRoute-patch", "eu-west-1", None, "update_route",
     {"ApiId": "a1b2c3d4e5", "RouteId": "r1s2t3", "Target": "integrations/abc123", "AuthorizationType": "NONE"}),
    ("apigateway-DeleteRoute", "eu-west-1", None, "delete_route", {"ApiId": "a1b2c3d4e5", "RouteId": "r1s2t3"}),
]


class _Raw:
    status_code = 200
    headers = {}
    content = b"{}"
    raw = None

    def stream(self, **_):
        return iter([b"{}"])


def run(name, region, token, operation, parameters):
    client = botocore.session.get_session().create_client(
        "apigatewayv2", region_name=region, aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY, aws_session_token=token)
    seen = {}

    def record(request, **_):
        seen["request"] = request
        return AWSResponse(request.url, 200, {}, _Raw())

    client.meta.events.register("before-send", record)
    getattr(client, operation)(**parameters)
    request = seen["request"]
    headers = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in request.headers.items()
               if k.lower() not in ("user-agent", "amz-sdk-invocation-id", "amz-sdk-request", "expect")}
    authorization = headers["Authorization"]
    body = request.body or b""
    return {
        "name": name,
        "kind": "client",
        "service": "apigateway",
        "region": region,
        "operation": operation,
        "session_token": token,
        "method": request.method,
        "url": request.url,
        "body": body.decode("utf-8") if isinstance(body, bytes) else body,
        "headers": headers,
        "signed_headers": authorization.split("SignedHeaders=")[1].split(",")[0],
        "signature": authorization.split("Signature=")[1],
    }


json.dump({"botocore": botocore.__version__, "time": "20150830T123600Z", "access_key": ACCESS_KEY, "secret_key": SECRET_KEY,
           "cases": [run(*case) for case in CASES]}, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")
