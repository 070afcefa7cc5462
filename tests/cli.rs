//! The binary as users run it: exit codes, formats, stdin, walking, subcommands.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cloudfront-lint"));
    c.env_remove("CLOUDFRONT_LINT_FORMAT").env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited with a code, not a signal")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("output is not JSON ({e}):\n{}", stdout(o)))
}

fn codes(v: &serde_json::Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_owned())
        .collect()
}

/// A scratch folder under the target directory, fresh for each test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const FAIL: &str = "fixtures/CF101-quantity-mismatch/fail-status-codes.json";
/// A well-made config: HTTPS everywhere, a TLSv1.2_2021 custom certificate, WAF, logging and an
/// OAC-protected S3 origin. Nothing at all is found in it, security posture included.
const PASS: &str = "fixtures/CF701-viewer-allows-http/pass-well-made.json";
/// The fixtures of the other families lack WAF, logging, … on purpose, and leave their origin
/// groups' timeouts at the defaults CF223 reports: where a test is about something else, the
/// security family and CF223 are left out.
const NO_SECURITY: &str = "--ignore=CF7,CF223";
const WARN: &str = "fixtures/CF204-failover-on-client-error/fail-404-from-alb.json";

#[test]
fn text_report_is_rustc_shaped_and_exit_code_is_1() {
    let o = run(&["check", NO_SECURITY, FAIL]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(
        out.contains("error[CF101]: `StatusCodes` has Quantity 3 but 4 items"),
        "{out}"
    );
    assert!(out.contains(&format!("--> {FAIL}:")), "{out}");
    assert!(out.contains("= help: set Quantity to 4"), "{out}");
    assert!(
        out.trim_end()
            .ends_with("Found 1 error, 0 warnings and 0 infos in 1 file."),
        "{out}"
    );
}

#[test]
fn check_is_the_default_subcommand() {
    assert_eq!(stdout(&run(&[FAIL])), stdout(&run(&["check", FAIL])));
}

#[test]
fn clean_config_exits_0_with_no_findings() {
    let o = run(&["check", PASS]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert_eq!(stdout(&o), "No findings in 1 file.\n");
}

#[test]
fn json_output_follows_the_contract() {
    let o = run(&["check", "--format", "json", NO_SECURITY, FAIL]);
    assert_eq!(code(&o), 1);
    let v = json(&o);
    assert_eq!(v["version"], 1);
    assert!(
        f_has_no_controls(&v["findings"][0]),
        "controls appear only for rules that have some"
    );
    let f = &v["findings"][0];
    assert_eq!(f["file"], FAIL);
    assert_eq!(f["code"], "CF101");
    assert_eq!(f["name"], "quantity-mismatch");
    assert_eq!(f["severity"], "error");
    assert_eq!(
        f["pointer"],
        "/OriginGroups/Items/0/FailoverCriteria/StatusCodes/Quantity"
    );
    let text = std::fs::read_to_string(FAIL).unwrap();
    let (start, end) = (
        f["range"]["start"]["offset"].as_u64().unwrap() as usize,
        f["range"]["end"]["offset"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "3");
    let line = f["range"]["start"]["line"].as_u64().unwrap() as usize;
    let column = f["range"]["start"]["column"].as_u64().unwrap() as usize;
    assert_eq!(
        text.lines().nth(line - 1).unwrap().chars().nth(column - 1),
        Some('3')
    );
    assert_eq!(f["fix"]["applicability"], "safe");
    assert_eq!(f["fix"]["edits"][0]["content"], "4");
    assert_eq!(
        v["summary"],
        serde_json::json!({"files": 1, "errors": 1, "warnings": 0, "infos": 0, "skipped": 0})
    );
}

#[test]
fn fail_on_sets_the_threshold() {
    assert_eq!(code(&run(&["check", WARN])), 1);
    assert_eq!(code(&run(&["check", "--fail-on", "error", WARN])), 0);
    assert_eq!(code(&run(&["check", "--fail-on", "never", FAIL])), 0);
    let info = "fixtures/CF207-unused-origin/fail-info-function-may-select.json";
    assert_eq!(code(&run(&["check", info])), 0);
    assert_eq!(code(&run(&["check", "--fail-on", "info", info])), 1);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let o = run_stdin(
        &["check", "--format", "json", "-"],
        &std::fs::read(FAIL).unwrap(),
    );
    assert_eq!(code(&o), 1);
    assert_eq!(json(&o)["findings"][0]["file"], "<stdin>");
    let o = run_stdin(
        &["check", "--stdin-filename", "cdn.json", "-"],
        &std::fs::read(FAIL).unwrap(),
    );
    assert!(stdout(&o).contains("--> cdn.json:"));
}

#[test]
fn select_and_ignore_choose_rules() {
    let both = "fixtures/CF206-expects-active-active/fail-same-member-twice.json";
    let all = codes(&json(&run(&["check", "--format", "json", both])));
    assert!(all.contains(&"CF206".to_owned()), "{all:?}");
    let ignored = codes(&json(&run(&[
        "check", "--format", "json", "--ignore", "CF206", both,
    ])));
    assert!(!ignored.contains(&"CF206".to_owned()));
    let selected = codes(&json(&run(&[
        "check",
        "--format",
        "json",
        "--select",
        "expects-active-active",
        both,
    ])));
    assert!(selected.iter().all(|c| c == "CF206"));
    assert_eq!(code(&run(&["check", "--select", "CF999", both])), 2);
}

#[test]
fn a_directory_is_walked_and_what_is_not_a_config_is_skipped() {
    let dir = scratch("walk");
    std::fs::create_dir_all(dir.join("infra/cdn")).unwrap();
    std::fs::create_dir_all(dir.join("node_modules/pkg")).unwrap();
    std::fs::create_dir_all(dir.join("cdk.out/asset.0123abcd")).unwrap();
    std::fs::copy(FAIL, dir.join("infra/cdn/b.json")).unwrap();
    std::fs::copy(PASS, dir.join("infra/cdn/a.json")).unwrap();
    std::fs::copy(FAIL, dir.join("node_modules/pkg/x.json")).unwrap();
    // A CDK app's root: the synthesized template is linted, the bundled assets are not.
    std::fs::copy(FAIL, dir.join("cdk.out/asset.0123abcd/x.json")).unwrap();
    let template = r#"{"Resources": {"Cdn": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {
        "Enabled": true, "Origins": [{"Id": "a", "DomainName": "example.com", "CustomOriginConfig": {"OriginProtocolPolicy": "https-only"}}],
        "DefaultCacheBehavior": {"TargetOriginId": "b", "ViewerProtocolPolicy": "redirect-to-https", "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}}}}}}"#;
    std::fs::write(dir.join("cdk.out/Stack.template.json"), template).unwrap();
    std::fs::write(
        dir.join("cdk.out/manifest.json"),
        r#"{"version": "36.0.0", "artifacts": {}}"#,
    )
    .unwrap();
    // YAML that is not a template (CI, Kubernetes) is skipped without being parsed.
    std::fs::write(dir.join("ci.yml"), "on: push\njobs: {}\n").unwrap();
    std::fs::copy(FAIL, dir.join("ignored.json")).unwrap();
    std::fs::write(dir.join(".gitignore"), "ignored.json\n").unwrap();
    std::fs::write(dir.join("package.json"), r#"{"name": "infra"}"#).unwrap();
    std::fs::write(dir.join("tsconfig.json"), "{ // comments\n }").unwrap();
    std::fs::write(dir.join("notes.txt"), "not json").unwrap();
    let o = run(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    let v = json(&o);
    let files: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    let mut distinct = files.clone();
    distinct.dedup();
    assert_eq!(
        distinct,
        [
            dir.join("cdk.out/Stack.template.json").to_str().unwrap(),
            dir.join("infra/cdn/b.json").to_str().unwrap()
        ]
    );
    assert_eq!(v["summary"]["files"], 3);
    assert_eq!(v["summary"]["skipped"], 4);
}

#[test]
fn a_named_file_that_is_not_a_config_is_a_finding() {
    let o = run(&[
        "check",
        "--format",
        "json",
        "fixtures/CF002-not-a-distribution-config/fail-package-json.json",
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(codes(&json(&o)), ["CF002"]);
}

#[test]
fn unreadable_paths_exit_2_with_valid_json() {
    let o = run(&[
        "check",
        "--format",
        "json",
        NO_SECURITY,
        "does/not/exist.json",
        FAIL,
    ]);
    assert_eq!(code(&o), 2);
    let v = json(&o);
    assert_eq!(codes(&v), ["CF003", "CF101"]);
    assert!(v["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("no such file"));
    let o = run(&["check", "does/not/exist.json"]);
    assert_eq!(code(&o), 2);
    assert!(stdout(&o).contains("error[CF003]: does/not/exist.json: cannot read the file"));
}

#[cfg(unix)]
#[test]
fn a_fifo_is_not_read() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.json");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let o = run(&["check", "--format", "json", fifo.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(json(&o)["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("not a regular file"));
}

#[test]
fn paths_with_spaces_and_non_ascii_names() {
    let dir = scratch("names");
    let path = dir.join("my cdn – é.json");
    std::fs::copy(FAIL, &path).unwrap();
    let o = run(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(json(&o)["findings"][0]["file"], path.to_str().unwrap());
}

#[test]
fn github_annotations() {
    let o = run(&["check", "--format", "github", NO_SECURITY, FAIL]);
    let out = stdout(&o);
    assert!(out.starts_with("::error title=cloudfront-lint (CF101),file=fixtures/CF101-quantity-mismatch/fail-status-codes.json,line="), "{out}");
}

#[test]
fn rules_lists_every_rule() {
    let out = stdout(&run(&["rules"]));
    assert!(
        out.lines()
            .any(|l| l.starts_with("CF204  warning  failover-on-client-error")),
        "{out}"
    );
    let list: serde_json::Value =
        serde_json::from_slice(&run(&["rules", "--format", "json"]).stdout).unwrap();
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["code"] == "CF101" && r["fix"] == "sometimes"));
}

#[test]
fn explain_prints_the_doc_by_code_or_name() {
    let by_code = run(&["explain", "cf204"]);
    assert_eq!(code(&by_code), 0);
    assert!(
        stdout(&by_code)
            .starts_with("CF204 failover-on-client-error\n=============================="),
        "{}",
        stdout(&by_code)
    );
    assert_eq!(
        stdout(&by_code),
        stdout(&run(&["explain", "failover-on-client-error"]))
    );
    let v: serde_json::Value =
        serde_json::from_slice(&run(&["explain", "CF204", "--format", "json"]).stdout).unwrap();
    assert_eq!(v["severity"], "warning");
    let unknown = run(&["explain", "CF2O4"]);
    assert_eq!(code(&unknown), 2);
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("did you mean `CF204`?"));
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(code(&run(&["check", "--format", "xml", FAIL])), 2);
    assert_eq!(code(&run(&["--help"])), 0);
}

#[test]
fn bad_input_never_crashes() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("whitespace", b"  \n\t ".to_vec()),
        ("nul", b"{\"a\": \0}".to_vec()),
        ("garbage", (0..=255u8).cycle().take(5000).collect()),
        (
            "deep",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
        ),
        ("deep-objects", "{\"Origins\":".repeat(50_000).into_bytes()),
        (
            "huge-number",
            br#"{"Origins": {"Quantity": 18446744073709551616, "Items": []}}"#.to_vec(),
        ),
        (
            "big-exponent",
            br#"{"Origins": {"Quantity": 1e400}}"#.to_vec(),
        ),
        (
            "minus-zero",
            br#"{"Origins": {"Quantity": -0, "Items": [{"Id": 2.0}]}}"#.to_vec(),
        ),
        (
            "utf16",
            "\u{feff}{}"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes())
                .collect::<Vec<u8>>(),
        ),
        ("array", b"[1, 2]".to_vec()),
        ("string", b"\"DistributionConfig\"".to_vec()),
    ];
    for (name, input) in cases {
        let o = run_stdin(&["check", "--format", "json", "-"], &input);
        let c = code(&o);
        assert!(
            c == 0 || c == 1,
            "{name}: exit {c}\n{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let v = json(&o);
        assert!(v["summary"]["files"] == 1, "{name}: {v}");
        let o = run_stdin(&["check", "-"], &input);
        assert!(matches!(code(&o), 0 | 1), "{name} (text)");
    }
}

#[test]
fn truncated_at_every_position_never_crashes() {
    let text = std::fs::read(FAIL).unwrap();
    let dir = scratch("truncated");
    // One process over many files keeps the test fast; every file must appear in the output.
    let step = (text.len() / 300).max(1);
    let mut n = 0;
    for cut in (0..text.len()).step_by(step) {
        std::fs::write(dir.join(format!("{cut:06}.json")), &text[..cut]).unwrap();
        n += 1;
    }
    let paths: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    let mut args = vec!["check", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let o = run(&args);
    assert!(matches!(code(&o), 0 | 1));
    let v = json(&o);
    assert_eq!(v["summary"]["files"], n);
    for f in v["findings"].as_array().unwrap() {
        let path = f["file"].as_str().unwrap();
        let len = std::fs::metadata(path).unwrap().len();
        assert!(f["range"]["end"]["offset"].as_u64().unwrap() <= len, "{f}");
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_under_a_walked_folder_is_not_followed() {
    let dir = scratch("symlinks");
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::copy(FAIL, dir.join("a/cdn.json")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("a/loop")).unwrap();
    std::os::unix::fs::symlink("missing.json", dir.join("a/dangling.json")).unwrap();
    let o = run(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(json(&o)["summary"]["files"], 1);
}

#[test]
fn huge_inputs_are_bounded() {
    let dir = scratch("huge");
    // A 50 MB string value: linted, the string is not copied around per finding.
    let mut text = std::fs::read_to_string(FAIL).unwrap();
    text = text.replacen(
        "\"Comment\": \"www.example.com\"",
        &format!("\"Comment\": \"{}\"", "x".repeat(50_000_000)),
        1,
    );
    std::fs::write(dir.join("long-string.json"), &text).unwrap();
    let o = run(&[
        "check",
        "--format",
        "json",
        dir.join("long-string.json").to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    let v = json(&o);
    assert!(codes(&v).contains(&"CF014".to_owned()), "{:?}", codes(&v));
    // A 100 MB file of many origins: linted within the limit.
    let origin = r#"{"Id": "o", "DomainName": "a.example.com", "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}},"#;
    let n = 100_000_000 / origin.len();
    let mut big = String::with_capacity(100_000_100);
    big.push_str(r#"{"Origins": {"Quantity": 1, "Items": ["#);
    for _ in 0..n {
        big.push_str(origin);
    }
    big.push_str(r#"{"Id": "last", "DomainName": "b.example.com"}]}}"#);
    std::fs::write(dir.join("big.json"), &big).unwrap();
    let o = run(&[
        "check",
        "--format",
        "json",
        "--select",
        "CF101",
        dir.join("big.json").to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    assert_eq!(codes(&json(&o)), ["CF101"]);
}

#[test]
fn a_yaml_template_is_read_from_a_file_and_from_standard_input() {
    let path = "fixtures/CF401-alias-without-certificate/fail-cloudformation-conditions.yaml";
    let from_file = json(&run(&["check", "--format", "json", NO_SECURITY, path]));
    assert_eq!(codes(&from_file), ["CF401"]);
    let text = std::fs::read(path).unwrap();
    // Named by --stdin-filename, or told apart by its first character.
    for args in [
        &[
            "check",
            "--format",
            "json",
            NO_SECURITY,
            "--stdin-filename",
            "cdn.yaml",
            "-",
        ][..],
        &["check", "--format", "json", NO_SECURITY, "-"][..],
    ] {
        let o = run_stdin(args, &text);
        assert_eq!(code(&o), 1);
        let v = json(&o);
        assert_eq!(codes(&v), ["CF401"]);
        assert_eq!(v["findings"][0]["range"], from_file["findings"][0]["range"]);
        assert_eq!(
            v["findings"][0]["pointer"],
            "/Resources/Cdn/Properties/DistributionConfig/Aliases/Fn::If/1"
        );
    }
}

/// The same distribution in HCL, in Terraform's JSON syntax and in a plan: the same finding, at the
/// place each file writes it, in Terraform's names.
const TERRAFORM: &str = r#"variable "root" {
  default = "/index.html"
}

resource "aws_cloudfront_distribution" "cdn" {
  enabled             = true
  default_root_object = var.root

  origin {
    origin_id   = "site"
    domain_name = "site.s3.us-east-1.amazonaws.com"
  }

  default_cache_behavior {
    target_origin_id       = "sight"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
"#;

#[test]
fn terraform_is_linted_in_hcl_json_syntax_and_plans() {
    let dir = scratch("terraform");
    std::fs::write(dir.join("main.tf"), TERRAFORM).unwrap();
    std::fs::write(dir.join("variables.tf"), "variable \"x\" {}\n").unwrap();
    let tf_json = serde_json::json!({"resource": {"aws_cloudfront_distribution": {"cdn": {
        "enabled": true,
        "origin": {"origin_id": "site", "domain_name": "site.s3.us-east-1.amazonaws.com"},
        "default_cache_behavior": {"target_origin_id": "sight", "viewer_protocol_policy": "redirect-to-https",
            "allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
            "cache_policy_id": "658327ea-f89d-4fab-a63d-7e88639e58f6"},
        "restrictions": {"geo_restriction": {"restriction_type": "none"}},
        "viewer_certificate": {"cloudfront_default_certificate": true}}}}});
    std::fs::write(dir.join("cdn.tf.json"), tf_json.to_string()).unwrap();
    let o = run(&[
        "check",
        "--ignore",
        "CF7",
        "--format",
        "json",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    let v = json(&o);
    let found: Vec<(String, String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let file = f["file"].as_str().unwrap();
            (
                file[file.rfind('/').unwrap() + 1..].to_owned(),
                f["code"].as_str().unwrap().to_owned(),
                f["pointer"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let target = "/resource/aws_cloudfront_distribution/cdn/default_cache_behavior";
    assert_eq!(
        found,
        [
            (
                "cdn.tf.json".into(),
                "CF102".into(),
                format!("{target}/target_origin_id")
            ),
            (
                "cdn.tf.json".into(),
                "CF207".into(),
                "/resource/aws_cloudfront_distribution/cdn/origin/origin_id".into()
            ),
            (
                "main.tf".into(),
                "CF602".into(),
                "/resource/aws_cloudfront_distribution/cdn/default_root_object".into()
            ),
            (
                "main.tf".into(),
                "CF207".into(),
                "/resource/aws_cloudfront_distribution/cdn/origin/0/origin_id".into()
            ),
            (
                "main.tf".into(),
                "CF102".into(),
                format!("{target}/0/target_origin_id")
            ),
        ]
    );
    let messages: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages[4].starts_with("target_origin_id `sight` names no origin"),
        "{}",
        messages[4]
    );
    assert!(
        messages[2].ends_with("(with variable `root`'s default \"/index.html\")"),
        "{}",
        messages[2]
    );
    // variables.tf holds no distribution: skipped quietly.
    assert_eq!(v["summary"]["skipped"], 1);
    // Text output shows the HCL as written.
    let o = run(&["check", dir.join("main.tf").to_str().unwrap()]);
    let text = stdout(&o);
    assert!(
        text.contains("15 |     target_origin_id       = \"sight\""),
        "{text}"
    );
    assert!(text.contains("--> "), "{text}");

    // A plan: the resource address names the place; default_ttl unknown is the provider's 0.
    let plan = serde_json::json!({
        "format_version": "1.2", "terraform_version": "1.9.0",
        "planned_values": {"root_module": {"child_modules": [{"address": "module.cdn", "resources": [{
            "address": "module.cdn.aws_cloudfront_distribution.this[0]", "mode": "managed",
            "type": "aws_cloudfront_distribution", "name": "this", "index": 0,
            "values": {
                "enabled": true, "comment": null, "default_root_object": "",
                "origin": [{"origin_id": "site", "domain_name": "site.s3.us-east-1.amazonaws.com",
                    "origin_path": "", "connection_attempts": 3, "connection_timeout": 10,
                    "custom_origin_config": [], "s3_origin_config": [], "origin_shield": [],
                    "origin_access_control_id": ""}],
                "origin_group": [],
                "default_cache_behavior": [{"target_origin_id": "site", "viewer_protocol_policy": "allow-all",
                    "allowed_methods": ["GET", "HEAD"], "cached_methods": ["GET", "HEAD"],
                    "cache_policy_id": "", "min_ttl": 0,
                    "forwarded_values": [{"query_string": false, "cookies": [{"forward": "none"}]}],
                    "lambda_function_association": [], "function_association": []}],
                "restrictions": [{"geo_restriction": [{"restriction_type": "none"}]}],
                "viewer_certificate": [{"cloudfront_default_certificate": true, "acm_certificate_arn": "",
                    "iam_certificate_id": "", "ssl_support_method": "", "minimum_protocol_version": "TLSv1"}]
            }}]}]}},
        "resource_changes": [{"address": "module.cdn.aws_cloudfront_distribution.this[0]",
            "change": {"actions": ["create"], "after_unknown": {"arn": true,
                "default_cache_behavior": [{"default_ttl": true, "max_ttl": true}],
                "origin": [{"domain_name": false}]}}}]
    });
    let file = dir.join("plan.json");
    std::fs::write(&file, serde_json::to_string_pretty(&plan).unwrap()).unwrap();
    let o = run(&[
        "check",
        "--ignore",
        "CF7",
        "--format",
        "json",
        file.to_str().unwrap(),
    ]);
    let v = json(&o);
    assert_eq!(codes(&v), ["CF320"], "{v}");
    let f = &v["findings"][0];
    assert_eq!(
        f["pointer"],
        "/planned_values/root_module/child_modules/0/resources/0/values/default_cache_behavior/0"
    );
    assert!(f["message"]
        .as_str()
        .unwrap()
        .starts_with("module.cdn.aws_cloudfront_distribution.this[0]: "));
    assert_eq!(
        code(&o),
        1,
        "a warning fails by default (--fail-on warning)"
    );
}

#[test]
fn terraform_comments_suppress_rules() {
    let dir = scratch("terraform-ignore");
    let file = dir.join("main.tf");
    let with = |comment: &str| {
        TERRAFORM.replace(
            "resource \"aws_cloudfront_distribution\"",
            &format!("{comment}\nresource \"aws_cloudfront_distribution\""),
        )
    };
    let check = |text: String| {
        std::fs::write(&file, text).unwrap();
        codes(&json(&run(&[
            "check",
            "--ignore",
            "CF7",
            "--format",
            "json",
            file.to_str().unwrap(),
        ])))
    };
    assert_eq!(check(TERRAFORM.to_owned()), ["CF602", "CF207", "CF102"]);
    // On the resource: the whole resource.
    assert_eq!(
        check(with(
            "# cloudfront-lint:ignore CF102 the origin is added by a module"
        )),
        ["CF602", "CF207"]
    );
    assert_eq!(
        check(with("// cloudfront-lint:ignore CF102, CF6, CF207")),
        Vec::<String>::new()
    );
    // On the line itself.
    let text = TERRAFORM.replace(
        "target_origin_id       = \"sight\"",
        "target_origin_id       = \"sight\" # cloudfront-lint:ignore unknown-target-origin",
    );
    assert_eq!(check(text), ["CF602", "CF207"]);
    // A code that names no rule is a finding itself.
    assert_eq!(
        check(with("# cloudfront-lint:ignore CF999")),
        ["CF005", "CF602", "CF207", "CF102"]
    );
}

fn f_has_no_controls(finding: &serde_json::Value) -> bool {
    finding.get("controls").is_none()
}

#[test]
fn security_findings_carry_their_controls_in_every_format() {
    let bad = "fixtures/CF701-viewer-allows-http/fail-ordered-behavior-allow-all.json";
    let v = json(&run(&["check", "--format", "json", bad]));
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "CF701")
        .expect("a CF701 finding");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["pointer"], "/CacheBehaviors/Items/0/ViewerProtocolPolicy");
    let controls: Vec<&str> = f["controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    for id in [
        "CloudFront.3",
        "CT.CLOUDFRONT.PR.3",
        "CKV_AWS_34",
        "AWS-0012",
    ] {
        assert!(controls.contains(&id), "{controls:?}");
    }
    let sarif = json(&run(&["check", "--format", "sarif", bad]));
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "CF701")
        .unwrap();
    assert!(result["properties"]["tags"]
        .as_array()
        .unwrap()
        .contains(&"CloudFront.3".into()));
    let text = stdout(&run(&["check", bad]));
    assert!(text.contains("= note: controls: CloudFront.3,"), "{text}");
}

#[test]
fn a_well_made_config_gives_nothing_from_the_security_family() {
    let o = run(&["check", "--format", "json", PASS]);
    assert_eq!(codes(&json(&o)), Vec::<String>::new());
    // The rules off by default are the ones it lacks on purpose (failover, geo restriction, …).
    let all = codes(&json(&run(&[
        "check",
        "--format",
        "json",
        "--extend-select",
        "aws-fsbp",
        PASS,
    ])));
    assert_eq!(all, ["CF716"]);
}

#[test]
fn named_sets_select_and_extend_the_defaults() {
    let bad = "fixtures/CF701-viewer-allows-http/fail-ordered-behavior-allow-all.json";
    let only = codes(&json(&run(&[
        "check", "--format", "json", "--select", "trivy", bad,
    ])));
    assert_eq!(only, ["CF701"]);
    let checkov = codes(&json(&run(&[
        "check", "--format", "json", "--select", "checkov", PASS,
    ])));
    assert!(checkov.contains(&"CF717".to_owned()), "{checkov:?}");
    assert!(checkov.contains(&"CF718".to_owned()), "{checkov:?}");
    let default = codes(&json(&run(&["check", "--format", "json", PASS])));
    assert!(!default.contains(&"CF717".to_owned()));
    assert_eq!(code(&run(&["check", "--extend-select", "nessus", PASS])), 2);
}

#[test]
fn explain_finds_the_rules_of_a_control() {
    let o = run(&["explain", "CloudFront.9"]);
    assert_eq!(code(&o), 0);
    assert!(
        stdout(&o).starts_with("`CloudFront.9` is implemented by:\n\n• CF702 "),
        "{}",
        stdout(&o)
    );
    let o = run(&["explain", "ckv_aws_34", "--format", "json"]);
    assert_eq!(code(&o), 0);
    let v = json(&o);
    assert_eq!(v[0]["code"], "CF701");
    let o = run(&["explain", "CloudFront.15"]);
    let out = stdout(&o);
    assert!(out.contains("CF704") && out.contains("CF712"), "{out}");
}

/// A module's variables and locals usually live in another file of its folder: they are read.
#[test]
fn terraform_reads_the_variables_of_the_module() {
    let dir = scratch("terraform-module");
    std::fs::write(
        dir.join("variables.tf"),
        "variable \"root\" {\n  default = \"/index.html\"\n}\nlocals {\n  origin = \"site\"\n}\n",
    )
    .unwrap();
    let main = TERRAFORM
        .replace("variable \"root\" {\n  default = \"/index.html\"\n}\n", "")
        .replace("origin_id   = \"site\"", "origin_id   = local.origin");
    std::fs::write(dir.join("main.tf"), main).unwrap();
    let o = run(&[
        "check",
        "--ignore",
        "CF7",
        "--format",
        "json",
        dir.join("main.tf").to_str().unwrap(),
    ]);
    let v = json(&o);
    assert_eq!(codes(&v), ["CF602", "CF207", "CF102"], "{v}");
    let message = v["findings"][0]["message"].as_str().unwrap();
    assert!(
        message.ends_with("(with variable `root`'s default \"/index.html\" in variables.tf)"),
        "{message}"
    );
    // The local is the origin's id: the unknown target gets a suggestion.
    assert_eq!(v["findings"][2]["help"], "set it to one of `site`");
}

/// A walked template or module that names a distribution but does not parse is reported, not
/// skipped: it is exactly what the user wants to hear about.
#[test]
fn broken_files_that_name_a_distribution_are_reported_when_walked() {
    let dir = scratch("broken-walked");
    std::fs::write(
        dir.join("cdn.tf"),
        "resource \"aws_cloudfront_distribution\" \"cdn\" {\n  \"origin\" {\n  }\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("template.yaml"),
        "Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties: [a, b\n",
    )
    .unwrap();
    std::fs::write(dir.join("notes.tf"), "this is { not HCL").unwrap();
    let v = json(&run(&["check", "--format", "json", dir.to_str().unwrap()]));
    assert_eq!(codes(&v), ["CF001", "CF001"], "{v}");
    assert_eq!(v["summary"]["skipped"], 1);
}

#[test]
fn schema_command_accepts_bare_and_wrapped_configs() {
    let o = Command::new(env!("CARGO_BIN_EXE_cloudfront-lint"))
        .arg("schema")
        .output()
        .unwrap();
    assert!(o.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(false)
        .build(&schema)
        .expect("the printed schema compiles");
    let text =
        std::fs::read_to_string("fixtures/CF602-default-root-object-leading-slash/pass-index.json")
            .unwrap();
    let config: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(validator.is_valid(&config));
    let wrapped = serde_json::json!({"ETag": "E1", "DistributionConfig": config});
    assert!(validator.is_valid(&wrapped));
    let got = serde_json::json!({"ETag": "E1", "Distribution": {"Id": "E2", "DistributionConfig": config}});
    assert!(validator.is_valid(&got));
    let tagged = serde_json::json!({"DistributionConfigWithTags": {"DistributionConfig": config, "Tags": {"Items": []}}});
    assert!(validator.is_valid(&tagged));
    // Still a schema: an unknown member is rejected, bare or wrapped.
    let mut broken = config.clone();
    broken["Nope"] = 1.into();
    assert!(!validator.is_valid(&broken));
    assert!(!validator.is_valid(&serde_json::json!({"DistributionConfig": broken})));
}

/// A folder with a configuration file and a copy of the CF204 (warning) fixture below it.
fn configured(name: &str, toml: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("cloudfront-lint.toml"), toml).unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::copy(WARN, dir.join("sub/dist.json")).unwrap();
    dir
}

#[test]
fn config_file_is_found_walking_up_from_the_file() {
    let dir = configured("config-walk", "ignore = [\"CF7\", \"CF204\", \"CF223\"]\n");
    let file = dir.join("sub/dist.json");
    let o = run(&["check", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(codes(&json(&o)).is_empty(), "{}", stdout(&o));
    // Without the file the same config warns.
    std::fs::remove_file(dir.join("cloudfront-lint.toml")).unwrap();
    let o = run(&[
        "check",
        "--format",
        "json",
        NO_SECURITY,
        file.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    assert!(codes(&json(&o)).contains(&"CF204".to_owned()));
}

#[test]
fn config_severity_and_fail_on_and_per_file_ignores() {
    let dir = configured(
        "config-severity",
        "ignore = [\"CF7\"]\nfail-on = \"error\"\n[severity]\nCF204 = \"info\"\n",
    );
    let file = dir.join("sub/dist.json");
    let o = run(&["check", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let v = json(&o);
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "CF204")
        .unwrap();
    assert_eq!(f["severity"], "info");
    // The command line wins over the file.
    let o = run(&["check", "--fail-on", "info", file.to_str().unwrap()]);
    assert_eq!(code(&o), 1);

    let dir = configured(
        "config-per-file",
        "ignore = [\"CF7\"]\n[per-file-ignores]\n\"sub/*.json\" = [\"failover-on-client-error\"]\n",
    );
    let o = run(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert!(
        !codes(&json(&o)).contains(&"CF204".to_owned()),
        "{}",
        stdout(&o)
    );
}

#[test]
fn config_exclude_applies_to_walks_and_to_named_files_with_force_exclude() {
    let dir = configured("config-exclude", "exclude = [\"sub/**\"]\n");
    let o = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).contains("Nothing linted"), "{}", stdout(&o));
    let file = dir.join("sub/dist.json");
    let file = file.to_str().unwrap();
    assert_eq!(code(&run(&["check", file])), 1, "a named file is linted");
    let o = run(&["check", "--force-exclude", file]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

#[test]
fn config_errors_name_line_and_column() {
    for (toml, line_col, what) in [
        ("select = [\"CF1\"]\nslect = [\"CF2\"]\n", ":2:1:", "slect"),
        ("ignore = [\"CF1\", \"XX9\"]\n", ":1:18:", "XX9"),
        ("[severity]\nCF204 = \"loud\"\n", ":2:9:", "loud"),
        ("fail-on = \"sometimes\"\n", ":1:11:", "sometimes"),
    ] {
        let dir = configured("config-errors", toml);
        let o = run(&["check", dir.join("sub/dist.json").to_str().unwrap()]);
        assert_eq!(code(&o), 2, "{toml}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!("cloudfront-lint.toml{line_col}")) && err.contains(what),
            "{toml}: {err}"
        );
    }
}

#[test]
fn explicit_config_and_config_subcommand() {
    let dir = configured("config-explicit", "");
    let other = dir.join("other.toml");
    std::fs::write(&other, "ignore = [\"CF7\"]\nfail-on = \"never\"\n").unwrap();
    let file = dir.join("sub/dist.json");
    let o = run(&[
        "check",
        "--config",
        other.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));

    let o = run(&["config", "--config", other.to_str().unwrap()]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(
        out.contains(&format!("fail-on = \"never\"  # {}:2", other.display())),
        "{out}"
    );
    assert!(out.contains("extend-select = []  # default"), "{out}");
    let o = run(&["config", file.to_str().unwrap()]);
    assert!(
        stdout(&o).contains(&dir.join("cloudfront-lint.toml").display().to_string()),
        "{}",
        stdout(&o)
    );
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn diff_prints_the_fix_and_writes_nothing_then_fix_writes_it_once() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("fix-one");
    let file = dir.join("dist.json");
    std::fs::copy(FAIL, &file).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    let before = std::fs::read_to_string(&file).unwrap();
    let f = file.to_str().unwrap();

    let o = run(&["check", "--diff", NO_SECURITY, f]);
    assert_eq!(code(&o), 1, "a diff to apply");
    let out = stdout(&o);
    assert!(out.contains(&format!("--- a/{f}")), "{out}");
    assert!(
        out.contains("-          \"Quantity\": 3,") || out.contains("\"Quantity\": 3"),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.starts_with('+') && l.contains("4")),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        before,
        "--diff wrote the file"
    );

    let o = run(&["check", "--fix", NO_SECURITY, f]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(
        stdout(&o).contains("Fixed 1 finding; 0 remaining."),
        "{}",
        stdout(&o)
    );
    let after = std::fs::read_to_string(&file).unwrap();
    assert_ne!(after, before);
    assert_eq!(
        after.len(),
        before.len(),
        "only the number changed: every other byte kept"
    );
    assert_eq!(mode(&file), 0o640, "permissions kept");
    let leftovers: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");

    let o = run(&["check", "--fix", NO_SECURITY, f]);
    assert!(!stdout(&o).contains("Fixed"), "{}", stdout(&o));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        after,
        "a second --fix changed it"
    );
    let o = run(&["check", "--diff", NO_SECURITY, f]);
    assert_eq!((code(&o), stdout(&o)), (0, String::new()));
}

/// Every fix of every fixture, safe and unsafe, leaves a file that parses as it did before, and
/// applying them again changes nothing.
#[test]
fn every_fix_of_every_fixture_keeps_the_file_valid_and_is_idempotent() {
    let dir = scratch("fix-all");
    let mut copied = 0;
    for entry in walkdir::WalkDir::new("fixtures") {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let to = dir.join(entry.path().strip_prefix("fixtures").unwrap());
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(entry.path(), &to).unwrap();
            copied += 1;
        }
    }
    assert!(copied > 100);
    let d = dir.to_str().unwrap();
    let invalid = |v: &serde_json::Value| {
        let mut files: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "CF001")
            .map(|f| f["file"].as_str().unwrap().to_owned())
            .collect();
        files.sort();
        files
    };
    let before = invalid(&json(&run(&["check", "--format", "json", d])));
    let o = run(&["check", "--format", "json", "--fix", "--unsafe-fixes", d]);
    let fixed = json(&o);
    assert!(
        fixed["summary"]["fixed"].as_u64().unwrap_or(0) > 0,
        "no fixture had a fix"
    );
    assert_eq!(invalid(&fixed), before, "a fix made a file invalid");
    let again = json(&run(&[
        "check",
        "--format",
        "json",
        "--fix",
        "--unsafe-fixes",
        d,
    ]));
    assert_eq!(
        again["summary"].get("fixed"),
        None,
        "a second --fix changed files"
    );
}

#[test]
fn baseline_reports_only_new_findings_and_counts_disappeared_ones() {
    let dir = scratch("baseline");
    let file = dir.join("dist.json");
    std::fs::copy(WARN, &file).unwrap();
    let (f, b) = (file.to_str().unwrap().to_owned(), dir.join("baseline.json"));
    let b = b.to_str().unwrap();
    let o = run(&["check", "--write-baseline", b, f.as_str()]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let recorded: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(b).unwrap()).unwrap();
    assert!(recorded["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["code"] == "CF204" && e["file"] == f.as_str()));

    // Lines added above move every finding: still matched (by pointer, not line).
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("\n\n\n{text}")).unwrap();
    let o = run(&["check", "--format", "json", "--baseline", b, f.as_str()]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(codes(&json(&o)).is_empty());

    // A finding the baseline does not know is reported; an entry nothing matches is counted.
    let mut edited = recorded.clone();
    let list = edited["findings"].as_array_mut().unwrap();
    let i = list.iter().position(|e| e["code"] == "CF204").unwrap();
    list[i]["pointer"] = "/Somewhere/Else".into();
    std::fs::write(b, serde_json::to_string(&edited).unwrap()).unwrap();
    let o = run(&["check", "--baseline", b, f.as_str()]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(out.contains("warning[CF204]"), "{out}");
    assert!(
        out.contains("1 baseline finding(s) no longer found"),
        "{out}"
    );
}

#[test]
fn github_annotations_carry_the_help() {
    let out = stdout(&run(&["check", "--format", "github", NO_SECURITY, FAIL]));
    assert!(out.contains("%0Ahelp: set Quantity to 4"), "{out}");
}

#[test]
fn gitlab_code_quality_with_fingerprints_that_survive_moved_lines() {
    let dir = scratch("gitlab");
    let file = dir.join("dist.json");
    std::fs::copy(FAIL, &file).unwrap();
    let f = file.to_str().unwrap();
    let report = |o: &Output| -> serde_json::Value { serde_json::from_slice(&o.stdout).unwrap() };
    let first = report(&run(&["check", "--format", "gitlab", NO_SECURITY, f]));
    let issue = &first[0];
    assert_eq!(issue["check_name"], "CF101");
    assert_eq!(issue["severity"], "major");
    assert_eq!(issue["location"]["path"], f);
    assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() > 1);
    assert_eq!(issue["fingerprint"].as_str().unwrap().len(), 32);
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("\n\n{text}")).unwrap();
    let moved = report(&run(&["check", "--format", "gitlab", NO_SECURITY, f]));
    assert_eq!(moved[0]["fingerprint"], issue["fingerprint"]);
    assert_ne!(moved[0]["location"]["lines"], issue["location"]["lines"]);
}

#[test]
fn junit_has_a_failed_case_per_finding_and_a_passing_one_per_clean_file() {
    let o = run(&["check", "--format", "junit", NO_SECURITY, FAIL, PASS]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(out.starts_with("<?xml"), "{out}");
    assert!(out.contains("tests=\"2\" failures=\"1\""), "{out}");
    assert!(
        out.contains("<failure type=\"error\" message=\"`StatusCodes` has Quantity 3 but 4 items"),
        "{out}"
    );
    assert!(
        out.contains(&format!("classname=\"{PASS}\" name=\"no findings\"")),
        "{out}"
    );
}

/// Every usage error is clap's: `error: …`, a pointer to `--help`, exit code 2.
fn assert_usage_error(o: &Output, what: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(code(o), 2, "{err}");
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains(what), "{err}");
    assert!(
        err.trim_end()
            .ends_with("For more information, try '--help'."),
        "{err}"
    );
    assert!(o.stdout.is_empty(), "{}", stdout(o));
}

#[test]
fn options_before_the_subcommand_are_the_subcommand_s() {
    let before = run(&["--format", "json", "check", NO_SECURITY, FAIL]);
    let after = run(&["check", "--format", "json", NO_SECURITY, FAIL]);
    assert_eq!(code(&before), 1);
    assert_eq!(stdout(&before), stdout(&after));
    assert_eq!(codes(&json(&before)), ["CF101"]);
    // `--format=json` and a value that looks like a subcommand are read as clap reads them.
    let o = run(&[
        "--format=json",
        "--stdin-filename",
        "rules",
        "check",
        NO_SECURITY,
        FAIL,
    ]);
    assert_eq!(codes(&json(&o)), ["CF101"]);
    // In a folder with no `rules` in it (here, `rules/` holds the docs): a word, not a path.
    let dir = scratch("options-before");
    let list = bin()
        .args(["--format", "json", "rules"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(code(&list), 0);
    assert!(json(&list).as_array().unwrap().len() > 90);
    // An option the subcommand does not take is clap's usage error, not a path.
    let o = bin()
        .args(["--fix", "explain", "CF204"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_usage_error(&o, "unexpected argument '--fix'");
}

#[test]
fn a_mistyped_subcommand_is_a_usage_error_but_an_existing_file_is_linted() {
    let dir = scratch("mistyped");
    let o = bin()
        .args(["chekc", "x.json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_usage_error(&o, "unrecognized subcommand 'chekc'; did you mean 'check'?");
    assert!(String::from_utf8_lossy(&o.stderr).contains("Usage: cloudfront-lint"));
    // A missing file that is not like a subcommand is still a missing file.
    let o = bin()
        .args(["dist.json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(code(&o), 2);
    assert!(stdout(&o).contains("CF003"), "{}", stdout(&o));
    // A file of that name is what the user meant.
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(FAIL),
        dir.join("chekc"),
    )
    .unwrap();
    let o = bin()
        .args(["--format", "json", NO_SECURITY, "chekc"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(codes(&json(&o)), ["CF101"]);
}

#[test]
fn usage_errors_come_in_clap_s_style() {
    assert_usage_error(
        &run(&["check", "--select", "CF2O4", FAIL]),
        "invalid value 'CF2O4' for '--select <SELECT>': no rule matches it; did you mean `CF204`?",
    );
    assert_usage_error(&run(&["check", "--ignore", "nessus", FAIL]), "--ignore");
    assert_usage_error(&run(&["explain", "CF2O4"]), "did you mean `CF204`?");
    assert_usage_error(&run(&["check", "--format", "xml", FAIL]), "'xml'");
    assert_usage_error(&run(&["check", "--operation", "delete", FAIL]), "'delete'");
}

#[test]
fn explain_renders_the_markdown_as_plain_text_when_piped() {
    let o = run(&["explain", "CF204"]);
    let out = stdout(&o);
    assert!(!out.contains('\x1b'), "{out}");
    assert!(!out.contains("\n## "), "headings are rendered: {out}");
    assert!(out.contains("\nWhat it does\n------------\n"), "{out}");
    // Code blocks are indented, links readable, paragraphs wrapped (to 80 columns when piped).
    let doc = cloudfront_lint::rules::find("CF204").unwrap().meta().doc;
    assert!(doc.contains("```json\n{"));
    assert!(out.contains("\n    {"), "{out}");
    assert!(!out.contains("```"), "{out}");
    for line in out
        .lines()
        .filter(|l| l.trim().contains(' ') && !l.starts_with("    "))
    {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    let narrow = stdout(
        &bin()
            .args(["explain", "CF204"])
            .env("COLUMNS", "50")
            .output()
            .unwrap(),
    );
    assert!(narrow.lines().filter(|l| l.contains(' ')).count() > out.lines().count());
    for line in narrow
        .lines()
        .filter(|l| l.trim().contains(' ') && !l.starts_with("    "))
    {
        assert!(line.chars().count() <= 50, "{line:?}");
    }
    let links = stdout(&run(&["explain", "CF222"]));
    assert!(!links.contains("]("), "{links}");
    // Colour when asked for, even piped.
    let colored = stdout(&run(&["explain", "CF204", "--color", "always"]));
    assert!(
        colored.starts_with("\x1b[1m\x1b[4mCF204 failover-on-client-error\x1b[0m"),
        "{colored}"
    );
}

/// `script` runs a command on a pseudo-terminal (util-linux); where it is missing, the terminal
/// tests say so and stop.
fn on_a_terminal(args: &[&str], env: &[(&str, &str)]) -> Option<String> {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to run the binary on a terminal");
        return None;
    }
    let command = std::iter::once(env!("CARGO_BIN_EXE_cloudfront-lint"))
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut c = Command::new("script");
    c.args(["-q", "-e", "-c", &command, "/dev/null"])
        .env_remove("NO_COLOR")
        .env_remove("CLOUDFRONT_LINT_FORMAT")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().unwrap();
    Some(String::from_utf8_lossy(&o.stdout).into_owned())
}

#[test]
fn colour_follows_the_terminal_no_color_term_dumb_and_the_flag() {
    let Some(tty) = on_a_terminal(&["check", NO_SECURITY, FAIL], &[]) else {
        return;
    };
    assert!(tty.contains("\x1b["), "a terminal is coloured: {tty}");
    assert!(
        tty.contains("error[CF101]") || tty.contains("CF101"),
        "{tty}"
    );
    for env in [[("TERM", "dumb")], [("NO_COLOR", "1")]] {
        let out = on_a_terminal(&["check", NO_SECURITY, FAIL], &env).unwrap();
        assert!(
            out.contains("CF101") && !out.contains("\x1b["),
            "{env:?}: {out}"
        );
        let out = on_a_terminal(&["explain", "CF204"], &[env[0], ("PAGER", "cat")]).unwrap();
        assert!(
            out.contains("CF204") && !out.contains("\x1b["),
            "{env:?}: {out}"
        );
    }
    let out = on_a_terminal(&["check", "--color", "never", NO_SECURITY, FAIL], &[]).unwrap();
    assert!(!out.contains("\x1b["), "{out}");
    // `always` colours a pipe too.
    let piped = stdout(&run(&["check", "--color", "always", NO_SECURITY, FAIL]));
    assert!(piped.contains("\x1b["), "{piped}");
    assert!(!stdout(&run(&["check", NO_SECURITY, FAIL])).contains("\x1b["));
}

#[test]
fn explain_pages_on_a_terminal_and_falls_back_without_a_pager() {
    let dir = scratch("pager");
    let paged = dir.join("paged.txt");
    let pager = format!("tee {}", paged.display());
    let Some(out) = on_a_terminal(&["explain", "CF204"], &[("PAGER", &pager)]) else {
        return;
    };
    let text = std::fs::read_to_string(&paged).expect("the pager ran");
    assert!(text.contains("failover-on-client-error"), "{text}");
    assert!(text.contains("\x1b[1m"), "coloured on a terminal: {text:?}");
    assert!(out.contains("failover-on-client-error"), "{out}");
    // A pager that cannot be started: the text is printed all the same.
    let out = on_a_terminal(&["explain", "CF204"], &[("PAGER", "/nonexistent/pager")]).unwrap();
    assert!(out.contains("What it does"), "{out}");
}

#[test]
fn rule_options_and_operation_in_the_configuration_file() {
    let dir = configured(
        "config-options",
        "operation = \"update\"\n\n[rules.CF223]\nmax-failover-seconds = 30\n\n[rules.no-tags]\nrequired-tags = [\"team\", \"cost-center\"]\n",
    );
    let toml = dir.join("cloudfront-lint.toml");
    let toml = toml.display();
    let o = run(&["config", dir.join("sub/dist.json").to_str().unwrap()]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    for line in [
        format!("operation = \"update\"  # {toml}:1"),
        "[rules.CF223]  # slow-failover".to_owned(),
        format!("max-failover-seconds = 30  # {toml}:4"),
        format!("required-tags = [\"team\", \"cost-center\"]  # {toml}:7"),
    ] {
        assert!(out.contains(&line), "{line}\n{out}");
    }
    // The command line wins over the file.
    let o = run(&[
        "config",
        "--operation",
        "create",
        dir.join("sub/dist.json").to_str().unwrap(),
    ]);
    assert!(
        stdout(&o).contains("operation = \"create\"  # command line"),
        "{}",
        stdout(&o)
    );
    // Unset, the defaults.
    let o = run(&["config", scratch("config-options-none").to_str().unwrap()]);
    let out = stdout(&o);
    assert!(
        out.contains("max-failover-seconds = 10  # default"),
        "{out}"
    );
    assert!(out.contains("required-tags = []  # default"), "{out}");
    assert!(out.contains("operation = unset"), "{out}");
}

#[test]
fn rule_option_errors_name_line_and_column() {
    for (toml, line_col, what) in [
        ("[rules.CF223]\nmax-failover = 5\n", ":2:1:", "unknown option `max-failover` of CF223 slow-failover: expected `max-failover-seconds`"),
        ("[rules.CF223]\nmax-failover-seconds = \"10\"\n", ":2:24:", "takes a whole number of seconds, 1 or more, not a string"),
        ("[rules.CF223]\nmax-failover-seconds = 0\n", ":2:24:", "not 0"),
        ("[rules.CF715]\nrequired-tags = \"team\"\n", ":2:17:", "takes a list of tag keys"),
        ("[rules.CF715]\nrequired-tags = [\"team\", 3]\n", ":2:17:", "not an array"),
        ("[rules.CF9999]\n", ":1:8:", "no rule `CF9999`"),
        ("[rules.slow-failovr]\n", ":1:8:", "did you mean `slow-failover`?"),
        ("[rules.CF204]\nanything = 1\n", ":1:8:", "CF204 failover-on-client-error takes no options"),
        ("operation = \"delete\"\n", ":1:13:", "unknown operation `delete`"),
        ("operation = 1\n", ":1:13:", "invalid type"),
        ("[rules.CF223]\nmax-failover-seconds = 5\n[rules.slow-failover]\nmax-failover-seconds = 6\n", ":4:1:", "already set on line 2"),
    ] {
        let dir = configured("config-option-errors", toml);
        let o = run(&["check", dir.join("sub/dist.json").to_str().unwrap()]);
        assert_eq!(code(&o), 2, "{toml}");
        // miette wraps long messages (at a hyphen too): compare without the layout.
        let err = String::from_utf8_lossy(&o.stderr);
        let flat = |s: &str| -> String { s.split_whitespace().filter(|w| *w != "│").collect() };
        assert!(
            flat(&err).contains(&flat(&format!("cloudfront-lint.toml{line_col}")))
                && flat(&err).contains(&flat(what)),
            "{toml}: {err}"
        );
    }
}

#[test]
fn max_failover_seconds_sets_cf223_s_budget() {
    let fixture = "fixtures/CF223-slow-failover/fail-defaults.json";
    let severities = |toml: &str| -> Vec<String> {
        let dir = configured("config-cf223", toml);
        std::fs::copy(fixture, dir.join("sub/dist.json")).unwrap();
        let v = json(&run(&[
            "check",
            "--format",
            "json",
            "--select",
            "CF223",
            dir.join("sub/dist.json").to_str().unwrap(),
        ]));
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f["severity"].as_str().unwrap(),
                    f["message"].as_str().unwrap()
                )
            })
            .collect()
    };
    let default = severities("");
    assert!(
        default
            .iter()
            .any(|f| f.starts_with("warning ") && f.contains("over the 10 s this rule allows")),
        "{default:?}"
    );
    // 3 × 10 s to connect fits in 30 s; the read path (3 × 30 s) is still over it.
    let thirty = severities("[rules.CF223]\nmax-failover-seconds = 30\n");
    assert!(
        !thirty.is_empty() && thirty.iter().all(|f| f.starts_with("info ")),
        "{thirty:?}"
    );
    let generous = severities("[rules.slow-failover]\nmax-failover-seconds = 600\n");
    assert!(generous.is_empty(), "{generous:?}");
}

#[test]
fn required_tags_make_cf715_name_the_missing_keys() {
    let own_tag = "fixtures/CF715-no-tags/pass-own-tag.json";
    let findings = |toml: &str, text: &str, name: &str| -> Vec<String> {
        let dir = configured("config-cf715", toml);
        std::fs::write(dir.join("sub").join(name), text).unwrap();
        let v = json(&run(&[
            "check",
            "--format",
            "json",
            "--select",
            "CF715",
            dir.join("sub").join(name).to_str().unwrap(),
        ]));
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["message"].as_str().unwrap().to_owned())
            .collect()
    };
    let tagged = std::fs::read_to_string(own_tag).unwrap();
    let required = "[rules.CF715]\nrequired-tags = [\"team\", \"cost-center\"]\n";
    assert!(
        findings("", &tagged, "dist.json").is_empty(),
        "unset: any tag of its own will do"
    );
    let got = findings(required, &tagged, "dist.json");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].contains("lack the required tag keys `team` and `cost-center`"),
        "{got:?}"
    );
    let one = tagged.replace("\"owner\"", "\"team\"");
    assert_ne!(one, tagged);
    let got = findings(required, &one, "dist.json");
    assert!(
        got.len() == 1 && got[0].contains("required tag key `cost-center`"),
        "{got:?}"
    );
    // The fixtures that carry both keys pass with the option as without it.
    let both =
        std::fs::read_to_string("fixtures/CF715-no-tags/pass-required-tags-present.json").unwrap();
    assert!(findings(required, &both, "dist.json").is_empty());
    let both =
        std::fs::read_to_string("fixtures/CF715-no-tags/pass-terraform-required-tags-present.tf")
            .unwrap();
    assert!(findings(required, &both, "main.tf").is_empty());
    // Terraform's map of tags, the same way.
    let tf =
        std::fs::read_to_string("fixtures/CF715-no-tags/fail-terraform-empty-tags.tf").unwrap();
    let tf = tf.replace("tags    = {}", "tags    = { team = \"web\" }");
    assert!(tf.contains("team = \"web\""), "{tf}");
    let got = findings(required, &tf, "main.tf");
    assert!(
        got.len() == 1 && got[0].contains("`cost-center`"),
        "{got:?}"
    );
}

#[test]
fn operation_decides_whether_update_members_are_required() {
    const EDITED: &str = "fixtures/CF017-missing-for-update/fail-edited-etag-file.json";
    const BARE: &str = "fixtures/CF017-missing-for-update/pass-create-leaves-them-out.json";
    let cf017 = |args: &[&str]| {
        let o = run(&[&["check", "--format", "json", "--select", "CF017"], args].concat());
        codes(&json(&o)).iter().filter(|c| *c == "CF017").count()
    };
    // A file with get-distribution-config's ETag is edited for an update: by default, CF017.
    assert_eq!(cf017(&[EDITED]), 2);
    assert_eq!(cf017(&["--operation", "create", EDITED]), 0);
    // A bare config creates a distribution unless told otherwise.
    assert_eq!(cf017(&[BARE]), 0);
    assert_eq!(cf017(&["--operation", "update", BARE]), 2);
    // The configuration file says it too; the command line wins.
    let dir = scratch("operation-in-config");
    std::fs::write(dir.join("cloudfront-lint.toml"), "operation = \"update\"\n").unwrap();
    std::fs::copy(BARE, dir.join("dist.json")).unwrap();
    let dist = dir.join("dist.json");
    assert_eq!(cf017(&[dist.to_str().unwrap()]), 2);
    assert_eq!(cf017(&["--operation", "create", dist.to_str().unwrap()]), 0);
}

/// The same distribution in JSON and in a YAML template, with a member written twice (CF004: its
/// safe fix deletes the ignored one) and two misspellings with one suggestion each (an origin id,
/// CF102, and a value, CF013: unsafe fixes).
const TO_FIX: [(&str, &str); 2] = [
    (
        "dist.json",
        r#"{
  "CallerReference": "fix-test",
  "Comment": "",
  "Enabled": false,
  "Enabled": true,
  "Origins": {"Quantity": 1, "Items": [{"Id": "site", "DomainName": "www.example.com", "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}}]},
  "DefaultCacheBehavior": {"TargetOriginId": "sites", "ViewerProtocolPolicy": "redirect-to-http", "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"}
}
"#,
    ),
    (
        "template.yaml",
        "Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: false\n        Enabled: true\n        Origins:\n          - Id: site\n            DomainName: www.example.com\n            CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n        DefaultCacheBehavior:\n          TargetOriginId: sites\n          ViewerProtocolPolicy: redirect-to-http\n          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n",
    ),
];

#[test]
fn diff_shows_the_safe_fixes_and_with_unsafe_fixes_the_suggestions_too() {
    let dir = scratch("fix-diff-kinds");
    for (name, text) in TO_FIX {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        let f = file.to_str().unwrap();
        let o = run(&["check", "--diff", NO_SECURITY, f]);
        assert_eq!(code(&o), 1, "{name}: a diff to apply");
        let out = stdout(&o);
        let removed: Vec<&str> = out.lines().filter(|l| l.starts_with("-  ")).collect();
        assert_eq!(
            removed.len(),
            1,
            "{name}: only the ignored member goes\n{out}"
        );
        assert!(
            removed[0].contains("Enabled") && removed[0].contains("false"),
            "{out}"
        );
        assert!(
            !out.lines()
                .any(|l| l.starts_with('+') && l.contains("TargetOriginId")),
            "{name}: an unsafe fix without --unsafe-fixes\n{out}"
        );
        let o = run(&["check", "--diff", "--unsafe-fixes", NO_SECURITY, f]);
        let out = stdout(&o);
        assert!(
            out.lines()
                .any(|l| l.starts_with('+') && l.contains("TargetOriginId") && l.contains("site")),
            "{name}\n{out}"
        );
        assert!(
            out.lines()
                .any(|l| l.starts_with('+') && l.contains("redirect-to-https")),
            "{name}\n{out}"
        );
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            text,
            "--diff wrote {name}"
        );
    }
}

#[test]
fn fix_applies_safe_fixes_then_unsafe_fixes_once_in_json_and_yaml() {
    let dir = scratch("fix-kinds");
    for (name, text) in TO_FIX {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        let f = file.to_str().unwrap();
        let findings = |args: &[&str]| {
            let mut all = vec!["check", "--format", "json", NO_SECURITY];
            all.extend(args);
            all.push(f);
            json(&run(&all))
        };
        let v = findings(&["--fix"]);
        assert_eq!(v["summary"]["fixed"], 1, "{name}: {v}");
        // CF207: no behaviour targets `site` until CF102's fix.
        assert_eq!(codes(&v), ["CF207", "CF102", "CF013"], "{name}: {v}");
        let fixed = std::fs::read_to_string(&file).unwrap();
        assert_eq!(
            fixed,
            text.replacen("  \"Enabled\": false,\n", "", 1).replacen(
                "        Enabled: false\n",
                "",
                1
            ),
            "{name}: the ignored member and its separator deleted, nothing else"
        );
        let v = findings(&["--fix", "--unsafe-fixes"]);
        assert_eq!(v["summary"]["fixed"], 2, "{name}: {v}");
        assert_eq!(codes(&v), Vec::<String>::new(), "{name}: {v}");
        let fixed = std::fs::read_to_string(&file).unwrap();
        assert!(
            !fixed.contains("sites") && fixed.contains("redirect-to-https"),
            "{fixed}"
        );
        if name.ends_with(".json") {
            serde_json::from_str::<serde_json::Value>(&fixed).expect("still JSON");
        }
        let again = findings(&["--fix", "--unsafe-fixes"]);
        assert_eq!(again["summary"].get("fixed"), None, "{name}: {again}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), fixed);
    }
}

/// CF006's fix removes the unused code from a comment, or the whole comment; the used ones stay.
#[test]
fn fix_removes_unused_suppressions() {
    let dir = scratch("fix-unused-suppressions");
    let file = dir.join("template.yaml");
    let text = "Resources:\n  # cloudfront-lint:ignore CF207 for later\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true # cloudfront-lint:ignore CF204\n        DefaultRootObject: /index.html # cloudfront-lint:ignore CF602, CF301 two reasons\n        Origins:\n          - Id: site\n            DomainName: www.example.com\n            CustomOriginConfig:\n              OriginProtocolPolicy: https-only\n        DefaultCacheBehavior:\n          TargetOriginId: site\n          ViewerProtocolPolicy: redirect-to-https\n          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6\n";
    std::fs::write(&file, text).unwrap();
    let f = file.to_str().unwrap();
    let v = json(&run(&["check", "--format", "json", NO_SECURITY, f]));
    assert_eq!(codes(&v), ["CF006", "CF006", "CF006"], "{v}");
    let v = json(&run(&[
        "check",
        "--format",
        "json",
        "--fix",
        NO_SECURITY,
        f,
    ]));
    assert_eq!(codes(&v), Vec::<String>::new(), "{v}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        text.replace("  # cloudfront-lint:ignore CF207 for later\n", "")
            .replace(" # cloudfront-lint:ignore CF204\n", "\n")
            .replace(", CF301 two reasons", "")
    );
    // Not judged when the rule it names does not run.
    std::fs::write(&file, text).unwrap();
    let v = json(&run(&["check", "--format", "json", "--ignore=CF7,CF2", f]));
    assert_eq!(codes(&v), ["CF006"], "{v}");
}

/// main.rs sets mimalloc's options by their numbers in mimalloc 2.3's header, and only when
/// mimalloc says it is 2.3: another version needs the numbers read again (and main.rs's range).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn mimalloc_is_the_version_its_options_were_numbered_for() {
    extern "C" {
        fn mi_version() -> std::ffi::c_int;
    }
    let _linked = mimalloc::MiMalloc;
    // SAFETY: mi_version returns a constant.
    let version = unsafe { mi_version() };
    assert!((20300..20400).contains(&version), "mimalloc {version}");
}
