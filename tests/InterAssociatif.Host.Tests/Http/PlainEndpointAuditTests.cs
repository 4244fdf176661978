using Microsoft.AspNetCore.TestHost;

namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// The modules' plain endpoints and the audit trail, generated from the endpoints the modules map
/// (<see cref="ModuleEndpoints"/>): an endpoint that only some roles may call is audited, and every call of an audited
/// endpoint (served, refused for its input, or denied to the caller) is exactly one entry whose outcome
/// says which, naming the caller and the record in the route. Credentials are checked before the input, so a
/// caller without the role is denied whatever else is wrong with the request.
/// </summary>
public sealed class PlainEndpointAuditTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    [Fact]
    public void Every_endpoint_that_only_some_roles_may_call_is_audited()
    {
        var endpoints = ModuleEndpoints.All(factory.Services);
        var unaudited = endpoints.Where(e => e.Access?.Roles.Count > 0 && e.Audit is null).Select(e => e.ToString());
        Assert.True(endpoints.Count(e => e.Audit is not null) >= 4, "no audited endpoint was found");
        Assert.Empty(unaudited);
    }

    [Fact]
    public async Task Every_call_of_an_audited_endpoint_is_one_entry_with_its_outcome()
    {
        var existing = await ModuleEndpoints.ExistingIdsAsync(factory);
        var failures = new List<string>();
        var cases = 0;
        foreach (var endpoint in ModuleEndpoints.All(factory.Services).Where(e => e.Audit is not null))
        {
            var roles = endpoint.Access!.Roles;
            var ids = ModuleEndpoints.Ids(endpoint.Route).ToList();
            var valid = ids.ToDictionary(id => id.Name, id => existing[id.TypeName]);
            var repeated = endpoint.Query.FirstOrDefault() ?? "x";
            var (firstId, firstType) = ids.First();
            var requests = new (string Kind, IReadOnlyDictionary<string, string> Values, string Query)[]
            {
                ("valid", valid, ""),
                ($"`{repeated}` twice", valid, $"&{repeated}=a&{repeated}=b"),
                ($"unknown `{firstId}`", new Dictionary<string, string>(valid)
                {
                    [firstId] = GlobalId.Encode(firstType, Guid.NewGuid()),
                }, ""),
            };
            foreach (var caller in Roles.All.Prepend("none"))
            {
                var allowed = roles.Count == 0 || roles.Contains(caller);
                foreach (var (kind, values, query) in requests)
                {
                    cases++;
                    using var request = ModuleEndpoints.Request(endpoint.Method, endpoint.Route, values);
                    request.RequestUri = new Uri(request.RequestUri + query, UriKind.Relative);
                    if (caller != "none")
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", factory.Token(caller));
                    }

                    var before = await EntriesAsync(endpoint.Audit!.Operation);
                    using var response = await factory.CreateClient().SendAsync(request);
                    var status = (int)response.StatusCode;
                    var expected = (allowed, kind) switch
                    {
                        (false, _) => caller == "none" ? 401 : 403,
                        (true, "valid") when caller == Roles.Coordinator => 200,
                        // Served, or the record is hidden from this role (draft minutes): never refused.
                        (true, "valid") => status == 404 ? 404 : 200,
                        (true, _) when kind.EndsWith("twice", StringComparison.Ordinal) => 400,
                        _ => 404,
                    };
                    var outcome = status switch
                    {
                        < 400 => "Accepted",
                        401 or 403 => "Denied",
                        _ => "Refused",
                    };
                    var added = (await EntriesAsync(endpoint.Audit.Operation))
                        .ExceptBy(before.Select(e => e.Id), e => e.Id)
                        .ToList();
                    var subject = caller == "none" ? null : $"test-{caller}";
                    var named = endpoint.Audit.Objects.Select(name => values[name]).ToList();
                    if ((status / 100 == 2 ? 200 : status) != expected
                        || added is not [var entry]
                        || entry.Outcome != outcome
                        || entry.Subject != subject
                        || !named.All(entry.Objects.Contains))
                    {
                        failures.Add(
                            $"{endpoint}, {kind}, as {caller}: {status} (expected {expected}), entries "
                            + string.Join("; ", added.Select(e => $"{e.Outcome} {e.Subject} {e.Objects.Count} ids")));
                    }
                }
            }
        }

        Assert.True(cases >= 60, $"{cases} cases: the audited endpoints were not found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>A handler that fails is an attempt too: its call is in the trail, refused; the fault propagates.
    /// </summary>
    [Fact]
    public async Task A_call_whose_handler_fails_is_in_the_trail_refused()
    {
        using var faulty = factory.WithWebHostBuilder(host => host.ConfigureTestServices(
            services => services.AddSingleton<IEndpointContributor, FailingEndpoint>()));
        using var client = faulty.CreateClient();
        var token = factory.Token("coordinator");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // The test server hands the fault to the client (Kestrel answers 500).
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("/test/failing/TWVldGluZzox"));

        var entry = Assert.Single(await EntriesAsync(FailingEndpoint.Operation));
        Assert.Equal(("Refused", "test-coordinator"), (entry.Outcome, entry.Subject));
        Assert.Equal(["TWVldGluZzox"], entry.Objects);
    }

    private sealed class FailingEndpoint : IEndpointContributor
    {
        public const string Operation = "failingTestEndpoint";

        public void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) =>
            endpoints.MapGet("/test/failing/{meetingId}", Fail)
                .OpenTo(Roles.Coordinator)
                .Audited(Operation, "meetingId");

        private static Microsoft.AspNetCore.Http.IResult Fail(string meetingId) =>
            throw new InvalidOperationException($"{meetingId}: a fault");
    }

    private Task<List<Generated.AuditTrailRows.Entry>> EntriesAsync(string operation) =>
        Generated.AuditTrailRows.ReadAsync(factory.DataDirectory, operation);
}
