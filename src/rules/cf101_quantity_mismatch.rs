//! CF101 quantity-mismatch. Documentation: rules/CF101-quantity-mismatch.md

use super::{Anchor, Context, FixAvailability, Rule, RuleMeta};
use crate::finding::{Applicability, Finding, Severity};
use crate::json::Pointer;
use serde_json::Value;

pub struct QuantityMismatch;

static META: RuleMeta = RuleMeta {
    code: "CF101",
    name: "quantity-mismatch",
    severity: Severity::Error,
    summary: "A `Quantity` that differs from the number of `Items` (CloudFront: InconsistentQuantities)",
    fix: FixAvailability::Sometimes,
    doc: include_str!("../../rules/CF101-quantity-mismatch.md"),
};

impl Rule for QuantityMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Every object with a `Quantity` is one of the API's 19 list wrappers, wherever it sits,
    /// so the walk is generic rather than a list of paths.
    fn check(&self, cx: &Context, out: &mut Vec<Finding>) {
        let mut stack: Vec<(Pointer, &Value)> = vec![(Pointer::root(), cx.raw)];
        while let Some((pointer, value)) = stack.pop() {
            match value {
                Value::Object(map) => {
                    if let Some(quantity) = map.get("Quantity").and_then(Value::as_u64) {
                        check_wrapper(cx, &pointer, quantity, map.get("Items"), out);
                    }
                    for (key, child) in map.iter().rev() {
                        if child.is_object() || child.is_array() {
                            stack.push((pointer.key(key), child));
                        }
                    }
                }
                Value::Array(items) => {
                    for (i, child) in items.iter().enumerate().rev() {
                        if child.is_object() || child.is_array() {
                            stack.push((pointer.index(i), child));
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

fn check_wrapper(cx: &Context, wrapper: &Pointer, quantity: u64, items: Option<&Value>, out: &mut Vec<Finding>) {
    let name = wrapper.last().unwrap_or_else(|| "the list".to_owned());
    let at = wrapper.key("Quantity");
    match items {
        Some(Value::Array(items)) if items.len() as u64 != quantity => {
            let n = items.len();
            cx.report(
                &META,
                &at,
                format!(
                    "`{name}` has Quantity {quantity} but {n} {}: CloudFront rejects the config (InconsistentQuantities)",
                    if n == 1 { "item" } else { "items" }
                ),
            )
            .label(&wrapper.key("Items"), Anchor::Key, format!("{n} here"))
            .help(format!("set Quantity to {n}, the number of Items"))
            .fix_replace(format!("Set Quantity to {n}"), Applicability::Safe, &at, n.to_string())
            .push(out);
        }
        None if quantity > 0 => {
            cx.report(
                &META,
                &at,
                format!(
                    "`{name}` has Quantity {quantity} but no Items: CloudFront rejects the config (InconsistentQuantities)"
                ),
            )
            .help(format!("add the {quantity} Items, or set Quantity to 0"))
            .push(out);
        }
        _ => {}
    }
}
