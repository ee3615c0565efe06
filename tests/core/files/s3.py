"""A real S3-compatible server for the tests: moto in server mode on a free port, and the settings that point
``STORAGES["files"]`` at a bucket in it."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager

BUCKET = "integrering-test"
CREDENTIALS = {"S3_ACCESS_KEY_ID": "testing", "S3_SECRET_ACCESS_KEY": "testing", "S3_REGION": "eu-north-1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def moto_server() -> Iterator[str]:
    """A running moto server; yields its endpoint URL (http://127.0.0.1:<port>). moto keeps its buckets in the
    process, not in the server: each server starts and ends with them emptied (moto's reset), so a test never sees
    an earlier test's bucket."""
    import urllib.request

    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"

    def reset() -> None:
        urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"), timeout=10)

    try:
        reset()
        yield endpoint
    finally:
        reset()
        server.stop()


def bucket_create(endpoint: str, bucket: str = BUCKET) -> None:
    s3_client(endpoint).create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": CREDENTIALS["S3_REGION"]}
    )


def s3_client(endpoint: str):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=CREDENTIALS["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["S3_SECRET_ACCESS_KEY"],
        region_name=CREDENTIALS["S3_REGION"],
    )


def s3_storages(endpoint: str, base: dict, bucket: str = BUCKET) -> dict:
    """``STORAGES`` with the files storage in the bucket (the same options settings.py builds from S3_*)."""
    return base | {
        "files": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": endpoint,
                "access_key": CREDENTIALS["S3_ACCESS_KEY_ID"],
                "secret_key": CREDENTIALS["S3_SECRET_ACCESS_KEY"],
                "region_name": CREDENTIALS["S3_REGION"],
                "addressing_style": "path",
                "default_acl": None,
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }
    }


def s3_environment(endpoint: str, bucket: str = BUCKET) -> dict[str, str]:
    """The environment variables an app server reads to use the bucket (README «Uploaded files»)."""
    return CREDENTIALS | {"S3_BUCKET": bucket, "S3_ENDPOINT_URL": endpoint}
