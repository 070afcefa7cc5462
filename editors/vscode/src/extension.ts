// Starts `cloudfront-lint server` for JSON, YAML and Terraform documents; the server decides
// which of them hold a distribution (the others get no diagnostics and cost nothing).
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("cloudfront-lint");
  const command = config.get<string>("path", "cloudfront-lint");
  const serverOptions: ServerOptions = { command, args: ["server"] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: ["json", "jsonc", "yaml", "terraform"].map((language) => ({
      language,
    })),
    // The server reads {"cloudfront-lint": {select, extendSelect, ignore, configurationPreference}},
    // at start and on change; it watches cloudfront-lint.toml itself (dynamic registration).
    initializationOptions: { "cloudfront-lint": settings() },
    synchronize: { configurationSection: "cloudfront-lint" },
  };
  client = new LanguageClient("cloudfront-lint", "cloudfront-lint", serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

function settings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration("cloudfront-lint");
  return {
    select: c.get("select", []),
    extendSelect: c.get("extendSelect", []),
    ignore: c.get("ignore", []),
    configurationPreference: c.get("configurationPreference", "editorFirst"),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
