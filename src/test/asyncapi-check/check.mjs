// Parses an AsyncAPI document (and the schema files it references) and prints every error-level
// diagnostic; exits 1 when there is one or the document does not parse.
import { Parser, fromFile } from '@asyncapi/parser';

const { document, diagnostics } = await fromFile(new Parser(), process.argv[2]).parse();
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of errors) {
  console.log(`${d.code} at ${JSON.stringify(d.path)}: ${d.message}`);
}
if (!document) {
  console.log('the document did not parse');
}
console.log(`messages: ${document ? document.allMessages().length : 0}`);
process.exit(errors.length === 0 && document ? 0 : 1);
