//! The routing table (`cloudfront-lint routes`): thin renderers over [`crate::routes::Routes`].

use crate::routes::{Distribution, Route, Routes, Target};

/// The JSON contract for tools: the data structure as it is, pretty-printed.
pub fn json(routes: &Routes) -> String {
    let mut s = serde_json::to_string_pretty(routes).unwrap_or_default();
    s.push('\n');
    s
}

fn target_text(t: &Target) -> String {
    match t {
        Target::Origin(m) => match &m.domain_name {
            Some(d) => format!("origin {} ({d})", m.id),
            None => format!("origin {}", m.id),
        },
        Target::OriginGroup(g) => format!("origin group {}", g.id),
        Target::Unknown { id: Some(id) } => format!("{id} (no such origin or group)"),
        Target::Unknown { id: None } => "(no target)".to_owned(),
    }
}

fn member_text(m: &Option<crate::routes::Member>) -> String {
    match m {
        Some(m) => match &m.domain_name {
            Some(d) => format!("{} ({d})", m.id),
            None => m.id.clone(),
        },
        None => "?".to_owned(),
    }
}

fn codes(list: &[i64]) -> String {
    list.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// How a group fails over, in one sentence per line.
fn group_lines(t: &Target) -> Vec<String> {
    let Target::OriginGroup(g) = t else {
        return Vec::new();
    };
    let mut lines = vec![
        format!("primary:   {}", member_text(&g.primary)),
        format!(
            "secondary: {}, on {}",
            member_text(&g.secondary),
            if g.failover_status_codes.is_empty() {
                "connection failures and timeouts only".to_owned()
            } else {
                format!(
                    "{} or a connection failure",
                    codes(&g.failover_status_codes)
                )
            }
        ),
    ];
    if let Some(f) = &g.failover {
        lines.push(format!(
            "secondary answers after up to {} s if the primary is unreachable ({}), up to {} s if it answers slowly ({})",
            f.connection_seconds, f.connection, f.slow_response_seconds, f.slow_response
        ));
    }
    lines
}

fn edge_text(r: &Route) -> String {
    if r.edge_functions.is_empty() {
        return "-".to_owned();
    }
    r.edge_functions
        .iter()
        .map(|f| {
            let short = f
                .arn
                .rsplit([':', '/'])
                .find(|s| !s.is_empty() && s.parse::<u64>().is_err())
                .unwrap_or(&f.arn);
            let kind = if f.kind == "lambda@edge" { "λ" } else { "fn" };
            format!("{}: {kind} {short}", f.event)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A table per distribution, with each origin group's failover under its row.
pub fn text(routes: &Routes) -> String {
    let mut out = String::new();
    for d in &routes.distributions {
        out.push_str(&format!("{}\n", d.name));
        let header = [
            "#",
            "path",
            "methods",
            "target",
            "viewer",
            "cache",
            "edge functions",
        ];
        let rows: Vec<[String; 7]> = d
            .routes
            .iter()
            .map(|r| {
                [
                    r.order.to_string(),
                    if r.default {
                        "* (default)".to_owned()
                    } else {
                        r.path_pattern.clone()
                    },
                    r.allowed_methods.join(","),
                    target_text(&r.target),
                    r.viewer_protocol_policy
                        .clone()
                        .unwrap_or_else(|| "-".to_owned()),
                    r.cache.clone().unwrap_or_else(|| "-".to_owned()),
                    edge_text(r),
                ]
            })
            .collect();
        let mut widths = header.map(|h| h.chars().count());
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: &[String]| {
            let mut s = String::from("  ");
            for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
                if i + 1 == cells.len() {
                    s.push_str(cell);
                } else {
                    s.push_str(&format!("{cell:<w$}  "));
                }
            }
            s.trim_end().to_owned() + "\n"
        };
        out.push_str(&line(&header.map(str::to_owned)));
        for (r, row) in d.routes.iter().zip(&rows) {
            out.push_str(&line(row));
            let indent = " ".repeat(2 + widths[0] + 2);
            if let Some(why) = &r.never_matches {
                out.push_str(&format!("{indent}never matches: {why}\n"));
            }
            for l in group_lines(&r.target) {
                out.push_str(&format!("{indent}{l}\n"));
            }
        }
        out.push('\n');
    }
    out
}

/// Text for a quoted Mermaid label.
fn label(s: &str) -> String {
    s.replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace('|', "#124;")
}

/// A flowchart of every distribution: viewer → distribution → each behaviour's target, in match
/// order; an origin group drawn as its two members with the failover between them.
pub fn mermaid(routes: &Routes) -> String {
    let mut out = String::from("flowchart LR\n");
    out.push_str("  viewer([Viewer])\n");
    for (i, d) in routes.distributions.iter().enumerate() {
        distribution(&mut out, i, d);
    }
    out
}

fn distribution(out: &mut String, i: usize, d: &Distribution) {
    let dist = format!("d{i}");
    out.push_str(&format!("  {dist}{{{{\"{}\"}}}}\n", label(&d.name)));
    out.push_str(&format!("  viewer --> {dist}\n"));
    // Each target drawn once, however many behaviours reach it.
    let mut drawn: Vec<String> = Vec::new();
    let mut node_of = |out: &mut String, t: &Target| -> String {
        let key = match t {
            Target::Origin(m) => format!("o:{}", m.id),
            Target::OriginGroup(g) => format!("g:{}", g.id),
            Target::Unknown { id } => format!("u:{}", id.clone().unwrap_or_default()),
        };
        let n = match drawn.iter().position(|k| *k == key) {
            Some(n) => return format!("{dist}t{n}"),
            None => {
                drawn.push(key);
                drawn.len() - 1
            }
        };
        let node = format!("{dist}t{n}");
        match t {
            Target::Origin(m) => out.push_str(&format!(
                "  {node}[\"{}\"]\n",
                member_box("origin", m.id.as_str(), m.domain_name.as_deref())
            )),
            Target::OriginGroup(g) => {
                out.push_str(&format!(
                    "  subgraph {node}[\"origin group {}\"]\n",
                    label(&g.id)
                ));
                let p = g.primary.as_ref();
                let s = g.secondary.as_ref();
                out.push_str(&format!(
                    "    {node}p[\"{}\"]\n",
                    member_box(
                        "primary",
                        p.map_or("?", |m| &m.id),
                        p.and_then(|m| m.domain_name.as_deref())
                    )
                ));
                out.push_str(&format!(
                    "    {node}s[\"{}\"]\n",
                    member_box(
                        "secondary",
                        s.map_or("?", |m| &m.id),
                        s.and_then(|m| m.domain_name.as_deref())
                    )
                ));
                let mut why = if g.failover_status_codes.is_empty() {
                    "connection failure".to_owned()
                } else {
                    format!("{} or connection failure", codes(&g.failover_status_codes))
                };
                if let Some(f) = &g.failover {
                    why.push_str(&format!(
                        ", after up to {} s (slow answers: {} s)",
                        f.connection_seconds, f.slow_response_seconds
                    ));
                }
                out.push_str(&format!("    {node}p -. \"{}\" .-> {node}s\n", label(&why)));
                out.push_str("  end\n");
            }
            Target::Unknown { id } => out.push_str(&format!(
                "  {node}[/\"{} (no such origin)\"/]\n",
                label(id.as_deref().unwrap_or("no target"))
            )),
        }
        node
    };
    for r in &d.routes {
        let node = node_of(out, &r.target);
        let mut what = format!(
            "{}. {} {}",
            r.order,
            if r.default {
                "* (default)"
            } else {
                &r.path_pattern
            },
            r.allowed_methods.join(",")
        );
        for f in &r.edge_functions {
            what.push_str(&format!(
                " · {} {}",
                f.event,
                if f.kind == "lambda@edge" {
                    "λ@Edge"
                } else {
                    "function"
                }
            ));
        }
        if r.never_matches.is_some() {
            what.push_str(" · never matches");
            out.push_str(&format!("  {dist} -. \"{}\" .-> {node}\n", label(&what)));
        } else {
            out.push_str(&format!("  {dist} -- \"{}\" --> {node}\n", label(&what)));
        }
    }
}

fn member_box(role: &str, id: &str, domain: Option<&str>) -> String {
    match domain {
        Some(d) => format!("{}<br/>{}", label(&format!("{role}: {id}")), label(d)),
        None => label(&format!("{role}: {id}")),
    }
}
