#!/usr/bin/python3
"""Prints wrk -H arguments for one SigV4-signed request (replayable while the signature is fresh).

Usage: sign_request.py SERVICE METHOD URL [BODY]; credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
Uses the botocore that Debian's awscli package brings.
"""
import os
import sys

import awscli  # noqa: F401  (Debian's awscli puts its bundled botocore on the path)
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

service, method, url = sys.argv[1:4]
body = sys.argv[4] if len(sys.argv) > 4 else None
request = AWSRequest(method=method, url=url, data=body, headers={"Content-Type": "application/json"})
credentials = Credentials(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])
SigV4Auth(credentials, service, "us-east-1").add_auth(request)
for name, value in request.headers.items():
    print(f"{name}: {value}")
