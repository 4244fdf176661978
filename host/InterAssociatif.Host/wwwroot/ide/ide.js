// Mounts GraphiQL (loaded from /ide/vendor, bundled at build time: no CDN) on the host's endpoint,
// with the example operations of schema/operations/ as tabs. In Development, a role picker asks
// the local host for a token and puts it in the headers editor.
(async function () {
  "use strict";
  const config = await fetch("/ide/config.json").then((response) => response.json());
  const container = document.getElementById("graphiql");
  const root = ReactDOM.createRoot(container);
  const fetcher = GraphiQL.createFetcher({ url: config.endpoint });
  const defaultTabs = config.operations.length > 0
    ? config.operations.map((operation) => ({ query: operation.query }))
    : [{ query: "{ __typename }" }];
  let headers = "";
  let generation = 0;

  function render() {
    generation += 1;
    root.render(React.createElement(GraphiQL, {
      key: generation,
      fetcher,
      defaultTabs,
      headers,
      shouldPersistHeaders: false,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: headers ? "headers" : false,
    }));
  }

  if (config.issuesTokens) {
    const picker = document.getElementById("role-picker");
    const select = document.getElementById("role");
    const status = document.getElementById("status");
    for (const role of config.roles) {
      const option = document.createElement("option");
      option.value = role;
      option.textContent = role;
      select.appendChild(option);
    }
    picker.hidden = false;
    select.addEventListener("change", async () => {
      if (!select.value) {
        headers = "";
        status.textContent = "Anonymous.";
        render();
        return;
      }
      const response = await fetch("/ide/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ role: select.value }),
      });
      const body = await response.json();
      headers = JSON.stringify({ Authorization: `Bearer ${body.token}` }, null, 2);
      status.textContent = `Acting as ${select.value} (token in the headers editor).`;
      render();
    });
  }

  render();
})();
