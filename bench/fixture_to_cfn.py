#!/usr/bin/env python3
"""Turns cloudfront-lint's fixtures (DistributionConfigs in the CloudFront API's shape) into
CloudFormation templates, for bench/vs-cfn-lint.sh.

    python3 bench/fixture_to_cfn.py FIXTURES_DIR OUT_DIR

For every fixtures/<CODE>-<name>/<file>.json it writes OUT_DIR/<CODE>-<name>/<file>.json and
prints one line per fixture: `converted`, `template` (already a CloudFormation template, copied
as it is) or `skipped REASON`. Standard library only.

The conversion is what a person moving an API config into a template would do:

- the AWS CLI's wrappers are taken off (`{"DistributionConfig": ...}`, `DistributionConfigWithTags`);
- every `{"Quantity": n, "Items": [...]}` list becomes a plain array of its Items (`[]` when there
  are no Items), except `OriginGroups` and the `StatusCodes` and `Members` under it, which keep
  Quantity and Items in CloudFormation too; a Quantity that disagreed with Items is gone with it;
- `TrustedSigners` / `TrustedKeyGroups` (`{"Enabled", "Quantity", "Items"}`) become their Items;
- `AllowedMethods.CachedMethods` moves up to the behaviour as `CachedMethods` (CloudFormation has
  both as sibling lists);
- `Restrictions.GeoRestriction.Items` becomes `Locations`;
- renames: `CustomHeaders` -> `OriginCustomHeaders`, `OriginSslProtocols` -> `OriginSSLProtocols`,
  `ACMCertificateArn` -> `AcmCertificateArn`, `IAMCertificateId` -> `IamCertificateId`,
  `SSLSupportMethod` -> `SslSupportMethod`, `IsIPV6Enabled` -> `IPV6Enabled`;
- dropped, since CloudFormation has no such property: `CallerReference`; `Logging.Enabled` (a
  Logging with `"Enabled": false` is dropped whole: in a template, no Logging means no logging);
  `ViewerCertificate.Certificate` and `.CertificateSource` (deprecated output-only fields of the API).

The folders CF001, CF002 and CF003 are skipped (their fixtures are not JSON objects, or not
configs), and so is any file that is not a JSON object.
"""
import json
import os
import sys

SKIP_FOLDERS = ("CF001", "CF002", "CF003")
KEEP_COUNTED = {"OriginGroups", "StatusCodes", "Members"}
RENAMES = {
    "CustomHeaders": "OriginCustomHeaders",
    "OriginSslProtocols": "OriginSSLProtocols",
    "ACMCertificateArn": "AcmCertificateArn",
    "IAMCertificateId": "IamCertificateId",
    "SSLSupportMethod": "SslSupportMethod",
    "IsIPV6Enabled": "IPV6Enabled",
}
# Other members a {Quantity, Items} list may carry, which go when it becomes a plain array.
COUNTED_EXTRAS = {"Enabled"}


def is_counted(v):
    return (
        isinstance(v, dict)
        and ("Quantity" in v or "Items" in v)
        and set(v) <= {"Quantity", "Items"} | COUNTED_EXTRAS
    )


def items_of(v, in_groups):
    items = v.get("Items", [])
    return convert(items, in_groups) if items is not None else []


def convert(v, in_groups=False, key=None):
    if isinstance(v, list):
        return [convert(x, in_groups) for x in v]
    if not isinstance(v, dict):
        return v
    if key == "GeoRestriction" and ("Quantity" in v or "Items" in v):
        out = {}
        for k, x in v.items():
            if k == "Quantity":
                continue
            out["Locations" if k == "Items" else k] = convert(x, in_groups)
        return out
    if is_counted(v):
        if key in KEEP_COUNTED and (in_groups or key == "OriginGroups"):
            return {k: convert(x, True) for k, x in v.items()}
        return items_of(v, in_groups)
    out = {}
    for k, x in v.items():
        if k == "AllowedMethods" and isinstance(x, dict) and "CachedMethods" in x:
            rest = {a: b for a, b in x.items() if a != "CachedMethods"}
            out[k] = convert(rest, in_groups, k)
            if "CachedMethods" not in v:
                out["CachedMethods"] = convert(x["CachedMethods"], in_groups, "CachedMethods")
            continue
        if key == "ViewerCertificate" and k in ("Certificate", "CertificateSource"):
            continue
        if k == "Logging" and isinstance(x, dict) and "Enabled" in x:
            if x.get("Enabled") is False:
                continue
            x = {a: b for a, b in x.items() if a != "Enabled"}
        out[RENAMES.get(k, k)] = convert(x, in_groups or k == "OriginGroups", k)
    return out


def unwrap(doc):
    """The DistributionConfig of a fixture, or None when it is not a config."""
    if "DistributionConfig" in doc and isinstance(doc["DistributionConfig"], dict):
        return doc["DistributionConfig"]
    wt = doc.get("DistributionConfigWithTags")
    if isinstance(wt, dict) and isinstance(wt.get("DistributionConfig"), dict):
        return wt["DistributionConfig"]
    d = doc.get("Distribution")
    if isinstance(d, dict) and isinstance(d.get("DistributionConfig"), dict):
        return d["DistributionConfig"]
    return doc


def template_of(config):
    config = {k: x for k, x in config.items() if k != "CallerReference"}
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {
            "Distribution": {
                "Type": "AWS::CloudFront::Distribution",
                "Properties": {"DistributionConfig": convert(config)},
            }
        },
    }


def main(fixtures, out_dir):
    for folder in sorted(os.listdir(fixtures)):
        src = os.path.join(fixtures, folder)
        if not os.path.isdir(src):
            continue
        for name in sorted(os.listdir(src)):
            rel = f"{folder}/{name}"
            if not name.endswith(".json"):
                continue
            if folder.startswith(SKIP_FOLDERS):
                print(f"skipped {rel} (not a config)")
                continue
            try:
                with open(os.path.join(src, name), encoding="utf-8") as f:
                    doc = json.load(f)
            except (ValueError, UnicodeDecodeError):
                print(f"skipped {rel} (not JSON)")
                continue
            if not isinstance(doc, dict):
                print(f"skipped {rel} (not an object)")
                continue
            os.makedirs(os.path.join(out_dir, folder), exist_ok=True)
            dst = os.path.join(out_dir, folder, name)
            if "Resources" in doc or "AWSTemplateFormatVersion" in doc:
                kind, out = "template", doc
            else:
                kind, out = "converted", template_of(unwrap(doc))
            with open(dst, "w", encoding="utf-8") as f:
                json.dump(out, f, indent=2, ensure_ascii=False)
                f.write("\n")
            print(f"{kind} {rel}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
