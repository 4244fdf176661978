// Mounts GraphiQL (loaded from /ide/vendor, bundled at build time: no CDN) on the host's endpoint,
// with the example operations of schema/operations/ as tabs. In Development, a role picker asks
// the local host for a token and puts it in the headers editor. Subscriptions go over the
// graphql-transport-ws WebSocket, authenticated with the headers editor's content in connection_init.
(async function () {
  "use strict";
  const config = await fetch("/ide/config.json").then((response) => response.json());
  const container = document.getElementById("graphiql");
  const root = ReactDOM.createRoot(container);
  // Every query and mutation asks for its cost: the response's extensions show it beside the result.
  const httpFetcher = GraphiQL.createFetcher({ url: config.endpoint, headers: { "GraphQL-Cost": "report" } });
  const socketUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${config.endpoint}`;

  function isSubscription(params, options) {
    const definitions = options && options.documentAST ? options.documentAST.definitions : [];
    const operations = definitions.filter((d) => d.kind === "OperationDefinition");
    const chosen = operations.find((d) => d.name && d.name.value === params.operationName) || operations[0];
    return Boolean(chosen && chosen.operation === "subscription");
  }

  // One WebSocket per subscription, opened with the headers of the moment; closed when GraphiQL stops listening.
  async function* subscribe(params, headers) {
    const client = graphqlWs.createClient({ url: socketUrl, lazy: true, retryAttempts: 0, connectionParams: () => headers || {} });
    const queue = [];
    let finished = false;
    let failure = null;
    let wake = null;
    const signal = () => { if (wake) { wake(); wake = null; } };
    const dispose = client.subscribe(params, {
      next: (value) => { queue.push(value); signal(); },
      error: (error) => { failure = error; finished = true; signal(); },
      complete: () => { finished = true; signal(); },
    });
    try {
      while (true) {
        if (queue.length > 0) {
          yield queue.shift();
        } else if (failure) {
          yield Array.isArray(failure) ? { errors: failure } : { errors: [{ message: failure.reason || failure.message || "The subscription was closed." }] };
          return;
        } else if (finished) {
          return;
        } else {
          await new Promise((resolve) => { wake = resolve; });
        }
      }
    } finally {
      dispose();
      client.dispose();
    }
  }

  const fetcher = (params, options) => isSubscription(params, options)
    ? subscribe(params, options && options.headers)
    : httpFetcher(params, options);
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
