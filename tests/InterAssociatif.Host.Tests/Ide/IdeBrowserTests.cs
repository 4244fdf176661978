using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace InterAssociatif.Host.Tests.Ide;

/// <summary>
/// The IDE in a real browser: Debian's headless Chromium loads it from the host on a loopback
/// port, with background networking off, runs a query and sees its result. Every resource the page
/// loads comes from the host itself (no CDN).
/// </summary>
public sealed class IdeBrowserTests(IdeBrowserTests.KestrelFactory factory)
    : IClassFixture<IdeBrowserTests.KestrelFactory>
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    [Fact]
    public void The_ide_loads_offline_runs_a_query_and_shows_the_result()
    {
        using var ide = OpenIde("{ organizations(first: 1) { nodes { name } } }");
        var result = ide.RunUntil(text => text.Contains("organizations", StringComparison.Ordinal));
        Assert.Contains("\"name\": \"100 000 Entrepreneurs\"", result);
        Assert.Contains("\"cost\": {", result); // the IDE asks for the cost of what it runs (GraphQL-Cost: report)

        var resources = ((IEnumerable<object>)ide.Js.ExecuteScript(
            "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);")!)
            .Cast<string>()
            .ToList();
        Assert.NotEmpty(resources);
        Assert.All(resources, url => Assert.StartsWith(ide.Origin, url, StringComparison.Ordinal));
    }

    /// <summary>
    /// A partner's subscription, run as a partner tool would: from the feed's position, so that a decision
    /// recorded before the browser's socket is up still comes first (no race with the subscription's start).
    /// </summary>
    [Fact]
    public async Task A_subscription_run_in_the_ide_shows_decisions_as_they_are_recorded()
    {
        factory.StartAndGetAddress(); // on a loopback port before any in-memory request initialises the host
        var partner = factory.Token("partner");
        var position = (await factory.GraphQL("partner").QueryAsync("{ decisionFeedPosition }"))
            .EnsureNoErrors()
            .String("decisionFeedPosition");
        using var ide = OpenIde(
            $$"""subscription Feed { decisionRecorded(after: "{{position}}") { decision { title } } }""");
        ide.Js.ExecuteScript(
            "const editors = [...document.querySelectorAll('.graphiql-editor-tool .CodeMirror')];"
                + " editors[editors.length - 1].CodeMirror.setValue(arguments[0]);",
            $$"""{ "Authorization": "Bearer {{partner}}" }""");
        ide.Driver.FindElement(By.CssSelector(".graphiql-execute-button")).Click();

        var coordinator = factory.GraphQL("coordinator");
        var body = (await coordinator.QueryAsync("{ bodies(first: 1) { nodes { id } } }"))
            .EnsureNoErrors()
            .String("bodies.nodes[0].id");
        var title = $"Décision vue dans l'IDE {Guid.NewGuid():N}";
        (await coordinator.QueryAsync(
            "mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { errors { code } } }",
            new { input = new { bodyId = body, title, decidedOn = "2021-03-01" } })).EnsureNoErrors();

        string? last = null;
        try
        {
            ide.Wait.Until(_ => (last = ide.Result()) is { } text && text.Contains(title, StringComparison.Ordinal));
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"The decision never showed in the IDE; its result pane holds: {last ?? "(nothing)"}");
        }

        Assert.Contains("decisionRecorded", last);
    }

    [Fact]
    public async Task The_ide_offers_the_example_operations()
    {
        using var response = await factory.CreateClient().GetAsync("/ide/config.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("DirectoryPage", body);
        Assert.Contains("MemberSearch", body);
        Assert.Contains("\"issuesTokens\":false", body);
    }

    /// <summary>
    /// The IDE open in a headless Chromium, from the host started on a loopback port, with a document typed in.
    /// </summary>
    private Ide OpenIde(string document)
    {
        Assert.True(
            File.Exists(Chromium) && File.Exists(ChromeDriver),
            "Chromium is missing: the README's test command installs Debian's chromium and chromium-driver.");
        var origin = factory.StartAndGetAddress();
        var profile = new TemporaryFolder("interassociatif-chromium");
        ChromeDriver? driver = null;
        try
        {
            driver = StartBrowser(profile);
            driver.Navigate().GoToUrl($"{origin}/ide");
            var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(60));
            wait.Until(d => d.FindElements(By.CssSelector(".graphiql-query-editor .CodeMirror")).Count > 0);
            driver.ExecuteScript(
                "document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(arguments[0]);",
                document);
            return new Ide(driver, wait, origin, profile);
        }
        catch
        {
            driver?.Dispose();
            profile.Dispose();
            throw;
        }
    }

    /// <summary>The browser, then its profile folder, go when the test is done.</summary>
    private sealed record Ide(ChromeDriver Driver, WebDriverWait Wait, string Origin, TemporaryFolder Profile) : IDisposable
    {
        public IJavaScriptExecutor Js => Driver;

        /// <summary>The text of the result pane, null while it has none.</summary>
        /// <summary>
        /// Runs the editor's document until the result pane shows what is awaited. GraphiQL reads the operation's
        /// name from the editor after a debounce: a click right after the document was set can send the first
        /// tab's operation name with the new document (refused, INVALID_OPERATION_NAME); the run is then repeated.
        /// </summary>
        public string RunUntil(Func<string, bool> shows)
        {
            Execute();
            return Wait.Until(_ =>
            {
                var text = Result();
                if (text is not null && text.Contains("INVALID_OPERATION_NAME", StringComparison.Ordinal))
                {
                    Execute();
                    return null;
                }

                return text is not null && shows(text) ? text : null;
            });
        }

        private void Execute() => Driver.FindElement(By.CssSelector(".graphiql-execute-button")).Click();

        public string? Result() =>
            (string?)Driver.ExecuteScript(
                "const r = document.querySelector('.result-window .CodeMirror'); return r ? r.CodeMirror.getValue() : "
                + "null;");

        public void Dispose()
        {
            Driver.Dispose();
            Profile.Dispose();
        }
    }

    private static ChromeDriver StartBrowser(TemporaryFolder profile)
    {
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            $"--user-data-dir={profile.Path}");
        var service = ChromeDriverService.CreateDefaultService(
            Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public sealed class KestrelFactory : InterAssociatifFactory
    {
        public string StartAndGetAddress() => KestrelOrigin();
    }
}

/// <summary>In Development, the IDE can act as any role: the local host issues it a token.</summary>
public sealed class IdeTokenTests(IdeTokenTests.DevelopmentFactory factory)
    : IClassFixture<IdeTokenTests.DevelopmentFactory>
{
    [Fact]
    public async Task A_development_host_gives_the_ide_a_token_the_endpoint_accepts_for_that_role()
    {
        var client = factory.CreateClient();
        using var response = await client.PostAsync(
            "/ide/token", new StringContent("""{"role":"analyst"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!
            .GetValue<string>();

        var asAnalyst = (await new GraphQLTestClient(factory.CreateClient(), token)
            .QueryAsync("{ people(first: 1) { totalCount } }"))
            .EnsureNoErrors();
        Assert.Equal(0, asAnalyst.Int("people.totalCount"));

        using var unknown = await client.PostAsync(
            "/ide/token", new StringContent("""{"role":"root"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task A_form_cannot_ask_for_a_token_cross_site()
    {
        using var response = await factory.CreateClient()
            .PostAsync("/ide/token", new FormUrlEncodedContent([new("role", "coordinator")]));
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    public sealed class DevelopmentFactory : InterAssociatifFactory
    {
        public DevelopmentFactory() => With("Database:SeedDemoData", "false");

        protected override string EnvironmentName => "Development";
    }
}

/// <summary>Outside Development there is no token endpoint.</summary>
public sealed class NoIdeTokenOutsideDevelopmentTests(InterAssociatifFactory factory)
    : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public async Task The_token_endpoint_does_not_exist_outside_development()
    {
        using var response = await factory.CreateClient()
            .PostAsync(
                "/ide/token",
                new StringContent("""{"role":"coordinator"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
