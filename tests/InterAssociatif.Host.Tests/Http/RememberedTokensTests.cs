using InterAssociatif.Host.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InterAssociatif.Host.Tests.Http;

/// <summary>
/// A bearer token's validation is remembered until the token expires: the signature is checked once, each request
/// gets claims of its own, refused tokens are never remembered. The validator here leaves lifetimes to the test's
/// clock (<c>ValidateLifetime = false</c>), so what is seen is the memory's own expiry.
/// </summary>
public sealed class RememberedTokensTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "remembered-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CountingValidator _validator = new();
    private readonly LocalTokens _tokens;
    private readonly RememberedTokens _remembered;
    private readonly TokenValidationParameters _parameters;

    public RememberedTokensTests()
    {
        _tokens = new LocalTokens(_data, "interassociatif");
        _remembered = new RememberedTokens(_validator, _clock);
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = LocalTokens.Issuer,
            ValidAudience = "interassociatif",
            IssuerSigningKey = _tokens.Key,
            ValidateLifetime = false,
        };
    }

    [Fact]
    public async Task A_valid_token_is_checked_once_until_it_expires_and_each_caller_gets_its_own_claims()
    {
        var token = Issue(TimeSpan.FromMinutes(10));
        var first = await _remembered.ValidateTokenAsync(token, _parameters);
        var second = await _remembered.ValidateTokenAsync(token, _parameters);
        Assert.True(first.IsValid && second.IsValid);
        Assert.Equal(1, _validator.Calls);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        second.ClaimsIdentity.AddClaim(new Claim("added", "by one request"));
        var third = await _remembered.ValidateTokenAsync(token, _parameters);
        Assert.Null(third.ClaimsIdentity.FindFirst("added"));
        Assert.Equal("coordinator", third.ClaimsIdentity.FindFirst(InterAssociatifClaims.Role)?.Value);

        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.True((await _remembered.ValidateTokenAsync(token, _parameters)).IsValid);
        Assert.Equal(1, _validator.Calls);
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.True((await _remembered.ValidateTokenAsync(token, _parameters)).IsValid);
        Assert.Equal(2, _validator.Calls);
        Assert.Equal(0, _remembered.Count);
    }

    [Fact]
    public async Task A_refused_token_is_validated_again_each_time()
    {
        var token = Issue(TimeSpan.FromMinutes(10));
        var forged = token[..^2] + (token[^2] == 'A' ? "BA" : "AA");
        var elsewhere = new LocalTokens(_data, "another-audience").Issue(
            "coordinator", null, null, null, TimeSpan.FromMinutes(10), _clock.GetUtcNow());
        foreach (var attempt in new[] { forged, forged, elsewhere, elsewhere, "not a token", "not a token" })
        {
            Assert.False((await _remembered.ValidateTokenAsync(attempt, _parameters)).IsValid);
        }

        Assert.Equal(6, _validator.Calls);
        Assert.Equal(0, _remembered.Count);
    }

    [Fact]
    public async Task No_more_tokens_than_the_capacity_are_remembered()
    {
        for (var i = 0; i <= RememberedTokens.Capacity; i++)
        {
            var token = Issue(TimeSpan.FromMinutes(10 + i));
            Assert.True((await _remembered.ValidateTokenAsync(token, _parameters)).IsValid);
        }

        Assert.InRange(_remembered.Count, 1, RememberedTokens.Capacity);
    }

    public void Dispose() => System.IO.Directory.Delete(_data, recursive: true);

    private string Issue(TimeSpan lifetime) =>
        _tokens.Issue("coordinator", null, null, null, lifetime, _clock.GetUtcNow());

    /// <summary>The validator the host uses, counting how often it is asked.</summary>
    private sealed class CountingValidator : JsonWebTokenHandler
    {
        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(
            string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }
}
