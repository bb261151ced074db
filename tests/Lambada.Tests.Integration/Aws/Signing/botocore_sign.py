"""Signs requests with the installed botocore at a frozen clock.

stdin: a JSON list of {method, url, service, region, body, headers, session_token}.
stdout: a JSON list of {canonical_request, string_to_sign, headers}, in the same order.
Exit code 3 when botocore cannot be imported.
"""
import datetime
import json
import sys

try:
    import botocore
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError as error:
    print(f"botocore is not installed for {sys.executable}: {error}. Install it with 'pip install botocore'.", file=sys.stderr)
    sys.exit(3)

FROZEN = datetime.datetime(2015, 8, 30, 12, 36, 0)
botocore.auth.get_current_datetime = lambda remove_tzinfo=True: FROZEN


def sign(case):
    creds = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", case.get("session_token"))
    request = AWSRequest(method=case["method"], url=case["url"], data=case["body"].encode("utf-8"),
                         headers=dict(case.get("headers") or {}))
    signer = botocore.auth.SigV4Auth(creds, case["service"], case["region"])
    signer.add_auth(request)
    authorization = request.headers["Authorization"]
    del request.headers["Authorization"]
    canonical = signer.canonical_request(request)
    string_to_sign = signer.string_to_sign(request, canonical)
    request.headers["Authorization"] = authorization
    return {"canonical_request": canonical, "string_to_sign": string_to_sign, "headers": dict(request.headers.items())}


json.dump({"botocore": botocore.__version__, "results": [sign(case) for case in json.load(sys.stdin)]}, sys.stdout)
