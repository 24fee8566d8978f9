// Compiles every .sol file under src/main/solidity (or under <srcDir>, e.g. src/test/solidity for test-only contracts
// that import the main ones) with solc-js (standard JSON) and writes, per contract,
// <out>/<Name>.abi, <Name>.bin and <Name>.json ({contractName, abi, bytecode, deployedBytecodeSize}).
// Usage: node scripts/compile.js <outDir> [<srcDir>]
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const root = path.resolve(__dirname, '..');
const mainDir = path.join(root, 'src', 'main', 'solidity');
const srcDir = process.argv[3] ? path.resolve(process.argv[3]) : mainDir;
const outDir = path.resolve(process.argv[2] || path.join(root, 'target', 'generated-resources', 'solidity', 'seqpool', 'contracts', 'artifacts'));
const EVM_VERSION = 'cancun';

function listSources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return listSources(p);
    return e.name.endsWith('.sol') ? [p] : [];
  });
}

function findImports(importPath) {
  const candidates = [path.join(srcDir, importPath), path.join(mainDir, importPath),
    path.join(root, 'node_modules', importPath)];
  for (const c of candidates) {
    if (fs.existsSync(c)) return { contents: fs.readFileSync(c, 'utf8') };
  }
  return { error: 'not found: ' + importPath };
}

const sources = {};
for (const file of listSources(srcDir)) {
  sources[path.relative(srcDir, file).split(path.sep).join('/')] = { content: fs.readFileSync(file, 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: EVM_VERSION,
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
let failed = false;
for (const err of output.errors || []) {
  if (err.severity === 'error') failed = true;
  process.stderr.write(err.formattedMessage + '\n');
}
if (failed) process.exit(1);

fs.mkdirSync(outDir, { recursive: true });
const sizes = [];
for (const [file, contracts] of Object.entries(output.contracts)) {
  if (!Object.prototype.hasOwnProperty.call(sources, file)) continue; // libraries from node_modules
  for (const [name, c] of Object.entries(contracts)) {
    const bytecode = c.evm.bytecode.object;
    if (!bytecode || c.abi.length === 0) continue; // interfaces and internal libraries
    const deployedSize = c.evm.deployedBytecode.object.length / 2;
    if (deployedSize > 24576) {
      process.stderr.write(`${name}: runtime code ${deployedSize} bytes exceeds the EIP-170 limit\n`);
      process.exit(1);
    }
    fs.writeFileSync(path.join(outDir, name + '.abi'), JSON.stringify(c.abi));
    fs.writeFileSync(path.join(outDir, name + '.bin'), bytecode);
    fs.writeFileSync(path.join(outDir, name + '.json'),
      JSON.stringify({ contractName: name, sourceFile: file, evmVersion: EVM_VERSION, solc: solc.version(),
        abi: c.abi, bytecode: '0x' + bytecode, deployedBytecodeSize: deployedSize }, null, 1));
    sizes.push(`${name}=${deployedSize}`);
  }
}
// Canonical signatures of every custom error in the contracts' ABIs, for decoding revert data in Java.
const errors = new Set();
function canonicalType(input) {
  if (!input.type.startsWith('tuple')) return input.type;
  return '(' + input.components.map(canonicalType).join(',') + ')' + input.type.slice('tuple'.length);
}
for (const [file, contracts] of Object.entries(output.contracts)) {
  if (!Object.prototype.hasOwnProperty.call(sources, file)) continue;
  for (const c of Object.values(contracts)) {
    for (const item of c.abi) {
      if (item.type === 'error') errors.add(item.name + '(' + item.inputs.map(canonicalType).join(',') + ')');
    }
  }
}
fs.writeFileSync(path.join(outDir, 'errors.txt'), [...errors].sort().join('\n') + '\n');
process.stdout.write(`solc ${solc.version()} (${EVM_VERSION}): ${sizes.join(' ')}\n`);
