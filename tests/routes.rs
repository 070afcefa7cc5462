//! `cloudfront-lint routes`: the same distribution written as API JSON, a CloudFormation template
//! (JSON and YAML) and Terraform gives the same routing table, in each output format.

use std::process::{Command, Output};

fn routes(file: &str, format: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloudfront-lint"))
        .args(["routes", file, "--format", format])
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

const FILES: [&str; 4] = [
    "tests/routes/api.json",
    "tests/routes/template.json",
    "tests/routes/template.yaml",
    "tests/routes/main.tf",
];

fn stdout(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn json_is_the_same_table_for_every_format() {
    let mut tables = Vec::new();
    for file in FILES {
        let v: serde_json::Value = serde_json::from_str(&stdout(&routes(file, "json"))).unwrap();
        assert_eq!(v["version"], 1);
        let d = &v["distributions"][0];
        let routes = d["routes"].as_array().unwrap();
        let patterns: Vec<&str> = routes
            .iter()
            .map(|r| r["path_pattern"].as_str().unwrap())
            .collect();
        assert_eq!(
            patterns,
            ["/static/*", "/api/*", "/api/v1/*", "*"],
            "{file}"
        );
        let api = &routes[1];
        assert_eq!(
            api["allowed_methods"],
            serde_json::json!(["GET", "HEAD", "OPTIONS"]),
            "{file}"
        );
        assert_eq!(api["target"]["kind"], "origin-group", "{file}");
        assert_eq!(
            api["target"]["primary"]["domain_name"],
            "app-us.example.com"
        );
        assert_eq!(api["target"]["secondary"]["id"], "app-eu");
        assert_eq!(
            api["target"]["failover_status_codes"],
            serde_json::json!([502, 503, 504])
        );
        assert_eq!(
            api["target"]["failover"]["connection_seconds"], 10,
            "{file}"
        );
        assert_eq!(
            api["target"]["failover"]["slow_response_seconds"], 60,
            "{file}"
        );
        assert_eq!(api["edge_functions"][0]["event"], "viewer-request");
        assert_eq!(api["edge_functions"][0]["kind"], "cloudfront-function");
        assert_eq!(
            routes[0]["target"]["domain_name"],
            "example-assets.s3.us-east-1.amazonaws.com"
        );
        assert_eq!(routes[0]["cache"], "CachingOptimized");
        assert!(
            routes[2]["never_matches"]
                .as_str()
                .unwrap()
                .contains("/api/*"),
            "{file}"
        );
        assert!(routes[3]["never_matches"].is_null());
        assert_eq!(routes[3]["default"], true);
        // Everything but the distribution's name and the file agrees across formats.
        tables.push(d["routes"].clone());
    }
    assert!(
        tables.windows(2).all(|w| w[0] == w[1]),
        "the formats disagree"
    );
}

#[test]
fn text_is_a_table_with_the_failover_under_each_group() {
    for file in FILES {
        let out = stdout(&routes(file, "text"));
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].trim_start().starts_with("#  path"), "{out}");
        assert!(
            out.contains("/api/*       GET,HEAD,OPTIONS  origin group app"),
            "{out}"
        );
        assert!(
            out.contains("primary:   app-us (app-us.example.com)"),
            "{out}"
        );
        assert!(
            out.contains("secondary: app-eu (app-eu.example.com), on 502, 503, 504"),
            "{out}"
        );
        assert!(out.contains("up to 10 s if the primary is unreachable (ConnectionAttempts 2 × ConnectionTimeout 5 s)"), "{out}");
        assert!(
            out.contains("never matches: every path it matches is matched first by `/api/*`"),
            "{out}"
        );
        assert!(out.contains("viewer-request: fn auth"), "{out}");
    }
}

#[test]
fn mermaid_is_a_flowchart_with_each_route_in_order() {
    for file in FILES {
        let out = stdout(&routes(file, "mermaid"));
        assert!(out.starts_with("flowchart LR\n"), "{out}");
        assert!(out.contains("  viewer --> d0\n"), "{out}");
        assert!(out.contains("subgraph d0t1[\"origin group app\"]"), "{out}");
        assert!(out.contains("d0t1p -. \"502, 503, 504 or connection failure, after up to 10 s (slow answers: 60 s)\" .-> d0t1s"), "{out}");
        assert!(
            out.contains("d0 -- \"1. /static/* GET,HEAD\" --> d0t0"),
            "{out}"
        );
        assert!(
            out.contains("d0 -. \"3. /api/v1/* GET,HEAD · never matches\" .-> d0t1"),
            "{out}"
        );
        // Each target is drawn once.
        assert_eq!(out.matches("subgraph").count(), 1, "{out}");
    }
}

#[test]
fn a_file_with_no_distribution_is_exit_2() {
    let o = routes("Cargo.toml", "text");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no routes in"));
}
