// The privacy-tidy extension: starts privacy-lsp for C and C++ files and
// passes the settings as initializationOptions (docs/editors.md).
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function initializationOptions() {
  const config = vscode.workspace.getConfiguration('privacyTidy');
  return {
    policy: config.get('policy'),
    inventory: config.get('inventory'),
    compileCommandsDir: config.get('compileCommandsDir'),
    fallbackFlags: config.get('fallbackFlags'),
    apiCatalogs: config.get('apiCatalogs'),
    docsBaseUrl: config.get('docsBaseUrl'),
  };
}

function start() {
  const command = vscode.workspace.getConfiguration('privacyTidy').get('serverPath') || 'privacy-lsp';
  const server = { command, transport: TransportKind.stdio };
  client = new LanguageClient(
    'privacyTidy',
    'privacy-tidy',
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: 'file', language: 'c' },
        { scheme: 'file', language: 'cpp' },
      ],
      initializationOptions: initializationOptions(),
    });
  return client.start();
}

async function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
    // The server reads its settings once, at initialize: restart it.
    if (event.affectsConfiguration('privacyTidy') && client) {
      await client.stop();
      await start();
    }
  }));
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
