// Copies the browser builds the IDE page loads into the host's wwwroot/ide/vendor folder.
// Run by the host's build (target BundleIde) after `npm ci`; the folder is not committed.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "InterAssociatif.Host", "wwwroot", "ide", "vendor");
mkdirSync(target, { recursive: true });

const files = {
  "react/umd/react.production.min.js": "react.production.min.js",
  "react-dom/umd/react-dom.production.min.js": "react-dom.production.min.js",
  "graphiql/graphiql.min.js": "graphiql.min.js",
  "graphiql/graphiql.min.css": "graphiql.min.css",
  "graphql-ws/umd/graphql-ws.min.js": "graphql-ws.min.js",
};
for (const [source, name] of Object.entries(files)) {
  copyFileSync(join(here, "node_modules", source), join(target, name));
}
console.log(`IDE vendor files copied to ${target}`);
