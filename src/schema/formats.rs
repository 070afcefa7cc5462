//! The schemas' patterns, checked by hand. The compiled-in validators would compile each
//! `pattern` into a regular expression on first use, and for one small file that cost more than
//! the lint: 0.3 ms, most of it FunctionARN's `{1,64}` (bench/README.md). So the generated schemas
//! name each pattern below as a `format`, which the validators check with the matcher here. A
//! pattern with no matcher here stays a `pattern` and is still checked, by a regular expression.
//!
//! Editors do not know these formats: `cloudfront-lint schema` writes the patterns back
//! ([`restore_patterns`]), and a unit test holds every matcher to its pattern.

use serde_json::Value;

/// A pattern of the API's model or of CloudFormation, and its matcher.
pub struct Format {
    /// The `format` name in the generated schemas.
    pub name: &'static str,
    /// The pattern as the schema had it (anchored, ECMA-262).
    pub pattern: &'static str,
    pub matches: fn(&str) -> bool,
}

pub const FORMATS: [Format; 6] = [
    Format {
        name: "cloudfront-function-arn",
        pattern: r"^arn:aws:cloudfront::[0-9]{12}:function\/[a-zA-Z0-9-_]{1,64}$",
        matches: function_arn,
    },
    Format {
        name: "cloudfront-region",
        pattern: r"^[a-z]{2}-[a-z]+-\d$",
        matches: region,
    },
    Format {
        name: "cloudfront-name",
        pattern: r"^[a-zA-Z0-9-_]+$",
        matches: name,
    },
    Format {
        name: "cloudformation-intrinsic-name",
        pattern: r"^(?:Ref|Condition|Fn::.+)$",
        matches: intrinsic_name,
    },
    Format {
        name: "cloudformation-integer-string",
        pattern: r"^[+-]?[0-9]+$",
        matches: integer_string,
    },
    Format {
        name: "cloudformation-number-string",
        pattern: r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$",
        matches: number_string,
    },
];

/// The format a schema names, by name.
pub fn named(name: &str) -> Option<&'static Format> {
    FORMATS.iter().find(|f| f.name == name)
}

/// Every `pattern` with a matcher here becomes its `format` (for the generators).
pub fn name_patterns(schema: &mut Value) {
    swap(schema, "pattern", "format", &|p| {
        FORMATS.iter().find(|f| f.pattern == p).map(|f| f.name)
    });
}

/// Every `format` named here becomes its `pattern` again (for editors, and for validators that
/// do not know the formats).
pub fn restore_patterns(schema: &mut Value) {
    swap(schema, "format", "pattern", &|n| {
        named(n).map(|f| f.pattern)
    });
}

fn swap(schema: &mut Value, from: &str, to: &str, other: &dyn Fn(&str) -> Option<&'static str>) {
    match schema {
        Value::Object(map) => {
            let replacement = map.get(from).and_then(Value::as_str).and_then(other);
            if let Some(replacement) = replacement {
                map.remove(from);
                map.insert(to.to_owned(), Value::from(replacement));
            }
            for value in map.values_mut() {
                swap(value, from, to, other);
            }
        }
        Value::Array(items) => {
            for item in items {
                swap(item, from, to, other);
            }
        }
        _ => {}
    }
}

fn name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'_'
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())
}

pub fn function_arn(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("arn:aws:cloudfront::") else {
        return false;
    };
    let Some((account, function)) = rest.split_once(":function/") else {
        return false;
    };
    account.len() == 12
        && digits(account)
        && (1..=64).contains(&function.len())
        && function.bytes().all(name_char)
}

pub fn region(s: &str) -> bool {
    let b = s.as_bytes();
    let lower = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_lowercase);
    b.len() >= 6
        && lower(&b[..2])
        && b[2] == b'-'
        && b[b.len() - 2] == b'-'
        && b[b.len() - 1].is_ascii_digit()
        && lower(&b[3..b.len() - 2])
}

pub fn name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(name_char)
}

pub fn intrinsic_name(s: &str) -> bool {
    // `.` as the validators' regular expressions had it: any character but a line feed.
    s == "Ref"
        || s == "Condition"
        || s.strip_prefix("Fn::")
            .is_some_and(|rest| !rest.is_empty() && !rest.contains('\n'))
}

pub fn integer_string(s: &str) -> bool {
    digits(s.strip_prefix(['+', '-']).unwrap_or(s))
}

pub fn number_string(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mantissa, exponent) = match s.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (s, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => {
            (digits(whole) && (fraction.is_empty() || digits(fraction)))
                || (whole.is_empty() && digits(fraction))
        }
        None => digits(mantissa),
    };
    mantissa_ok && exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Strings near each pattern's edges: each matcher must agree with the pattern's regular
    /// expression (as the runtime validator compiles it) on all of them.
    fn samples() -> Vec<String> {
        let mut out: Vec<String> = [
            "",
            "Ref",
            "Condition",
            "Fn::",
            "Fn::Sub",
            "Fn::\n",
            "Fn::\r",
            "Fn::a\nb",
            "Fn::a\u{2028}",
            "Fn::GetAtt\u{e9}",
            "Refs",
            "ref",
            "0",
            "+0",
            "-12",
            "+",
            "-",
            "1.",
            ".5",
            ".",
            "1.5e3",
            "1e",
            "1e+",
            "1e-7",
            "1E9",
            "e9",
            "1.2.3",
            "12a",
            " 1",
            "1 ",
            "\u{661}",
            "us-east-1",
            "eu-central-1",
            "ap-southeast-22",
            "us-east-",
            "US-east-1",
            "u-east-1",
            "usa-east-1",
            "us--1",
            "us-e-1",
            "us-east-1\n",
            "us-east-\u{661}",
            "abc",
            "a-b_c",
            "a b",
            "a.b",
            "\u{e9}",
            "arn:aws:cloudfront::123456789012:function/my-func_1",
            "arn:aws:cloudfront::12345678901:function/f",
            "arn:aws:cloudfront::1234567890123:function/f",
            "arn:aws:cloudfront::12345678901a:function/f",
            "arn:aws:cloudfront::123456789012:function/",
            "arn:aws:cloudfront::123456789012:function/a/b",
            "arn:aws:cloudfront::123456789012:function/a:function/b",
            "arn:aws-cn:cloudfront::123456789012:function/f",
            "xarn:aws:cloudfront::123456789012:function/f",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for n in [63, 64, 65] {
            out.push(format!(
                "arn:aws:cloudfront::123456789012:function/{}",
                "f".repeat(n)
            ));
        }
        out
    }

    #[test]
    fn every_matcher_agrees_with_its_pattern() {
        for format in &FORMATS {
            let validator = jsonschema::validator_for(&json!({"pattern": format.pattern}))
                .expect("the pattern compiles");
            for s in samples() {
                assert_eq!(
                    (format.matches)(&s),
                    validator.is_valid(&json!(s)),
                    "{} on {s:?}",
                    format.name
                );
            }
        }
    }

    #[test]
    fn names_and_patterns_go_both_ways() {
        let original = json!({"properties": {"A": {"type": "string", "pattern": FORMATS[0].pattern},
            "B": {"pattern": "^kept$"}}, "propertyNames": {"pattern": FORMATS[3].pattern}});
        let mut schema = original.clone();
        name_patterns(&mut schema);
        assert_eq!(schema["properties"]["A"]["format"], FORMATS[0].name);
        assert_eq!(schema["properties"]["B"]["pattern"], "^kept$");
        assert_eq!(schema["propertyNames"]["format"], FORMATS[3].name);
        restore_patterns(&mut schema);
        assert_eq!(schema, original);
    }
}
