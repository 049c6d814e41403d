#!/usr/bin/env python3
"""up --smoke: row verification through the API, as a user would do it.

For every minted batch (the JSON of `cdc status --json` on stdin): take one row from the batch's S3 object,
POST it to /v1/ledger/verify and expect verdict `verified` with the chain root equal to the batch root. Then
copy one batch to a scratch prefix with one leaf changed and expect `tampered` for that copy (the copy is
deleted afterwards; the real batches are never touched). The local S3 (s3proxy) keeps objects as plain files under
EDGELEDGER_S3_DIR, so they are read and copied there; the API reads them through the S3 API.
Settings come from the environment up.sh exports. Exit 1 with a message on the first wrong answer.
"""
import json
import os
import shutil
import subprocess
import sys

API = os.environ["EDGELEDGER_API_URL"]
BUCKET_DIR = os.path.join(os.environ["EDGELEDGER_S3_DIR"], os.environ["EDGELEDGER_S3_BUCKET"])
KEY = open(os.environ["EDGELEDGER_HOME"] + "/operator-key").read().strip()
CONTENT = ["batch-data.json", "merkle-tree.json", "indices/by-timestamp.json", "indices/by-operation.json",
           "indices/by-key.json"]


def fail(message):
    print("up: ledger smoke: " + message, file=sys.stderr)
    sys.exit(1)


def curl(*args, data=None):
    result = subprocess.run(["curl", "-sS", "--fail-with-body", *args], input=data, capture_output=True)
    if result.returncode != 0:
        fail("curl %s failed: %s %s" % (" ".join(args), result.stderr.decode().strip(), result.stdout.decode()[:300]))
    return result.stdout


def s3(method, key, data=None):
    path = os.path.join(BUCKET_DIR, key)
    if method == "GET":
        with open(path, "rb") as f:
            return f.read()
    if method == "PUT":
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return b""
    os.remove(path)
    return b""


def verify(request):
    body = curl("-X", "POST", API + "/v1/ledger/verify", "-H", "Authorization: Bearer " + KEY,
                "-H", "Content-Type: application/json", "--data-binary", "@-", data=json.dumps(request).encode())
    return json.loads(body)


def first_leaf(prefix):
    data = json.loads(s3("GET", prefix + "batch-data.json"))
    for entry in data["entries"]:
        if entry.get("result") == "leaf":
            return entry
    fail("batch %s has no leaf" % prefix)


def main():
    batches = json.load(sys.stdin)
    if not batches:
        fail("no minted batches to verify")
    for batch in batches:
        prefix = "%s/%s/%s/" % (batch["database"], batch["table"], batch["batch_id"])
        leaf = first_leaf(prefix)
        answer = verify({"leaf": leaf["leaf"], "batch_id": batch["batch_id"]})
        chain = answer.get("chain", {})
        if answer.get("verdict") != "verified" or chain.get("root") != batch["root"] or not chain.get("root_matches"):
            fail("row %s of batch %s: expected verdict verified with chain root %s, got %s"
                 % (leaf["leaf_hash"], batch["batch_id"], batch["root"], json.dumps(answer)))
        print("verified row %s of %s.%s in batch %s against %s on %s (root %s)"
              % (leaf["leaf_hash"][:16], batch["database"], batch["table"], batch["batch_id"], chain.get("contract"),
                 chain.get("network"), batch["root"][:16]))

    # Tampering: a copy of the first batch whose one leaf says something else than what was sealed.
    batch = batches[0]
    source = "%s/%s/%s/" % (batch["database"], batch["table"], batch["batch_id"])
    copy_id = batch["batch_id"] + "-smoke-tampered"
    copy = "smoke-tamper-check/%s/%s/" % (batch["table"], copy_id)
    data = json.loads(s3("GET", source + "batch-data.json"))
    leaf = next(e for e in data["entries"] if e.get("result") == "leaf")
    row = leaf["leaf"].get("row") or {}
    column = next(iter(row), None)
    if column is None:
        fail("the first leaf of %s has no row values to change" % source)
    row[column] = "tampered by up --smoke"
    manifest = json.loads(s3("GET", source + "manifest.json"))
    manifest["s3_prefix"] = copy  # the copy claims its own place; only the leaf bytes betray it
    written = []
    try:
        for name in CONTENT:
            body = json.dumps(data).encode() if name == "batch-data.json" else s3("GET", source + name)
            s3("PUT", copy + name, body)
            written.append(copy + name)
        s3("PUT", copy + "manifest.json", json.dumps(manifest).encode())
        written.append(copy + "manifest.json")
        answer = verify({"leaf_hash": leaf["leaf_hash"], "batch_id": copy_id})
        if answer.get("verdict") != "tampered":
            fail("a copy of batch %s with one changed leaf: expected verdict tampered, got %s"
                 % (batch["batch_id"], json.dumps(answer)))
        print("tampered copy of batch %s detected: %s" % (batch["batch_id"], "; ".join(
            p if isinstance(p, str) else p.get("problem", "") for p in answer.get("problems", []))))
    finally:
        for key in written:
            s3("DELETE", key)
        shutil.rmtree(os.path.join(BUCKET_DIR, "smoke-tamper-check"), ignore_errors=True)


if __name__ == "__main__":
    main()
