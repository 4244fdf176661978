namespace InterAssociatif.Host.Tests.Kernel;

/// <summary>
/// Two callers share a subscription's execution when their authorization keys are equal: the key must
/// tell apart every two callers whose roles, organisation, person, scopes or use of a credential differ,
/// and only those (who the token was issued to, when, and its id change nothing a resolver reads).
/// </summary>
public sealed class AuthorizationKeyTests
{
    private sealed record Caller(
        bool Authenticated,
        string[] Roles,
        string? Organization,
        string? Person,
        string[] Scopes,
        string? Credential,
        string Subject,
        string TokenId,
        string RoleClaimType
    )
    {
        public ClaimsPrincipal Principal()
        {
            var claims = new List<Claim>
            {
                new(InterAssociatifClaims.Subject, Subject),
                new("jti", TokenId),
                new("exp", TokenId),
            };
            claims.AddRange(Roles.Select(r => new Claim(RoleClaimType, r)));
            claims.AddRange(Scopes.Select(s => new Claim(InterAssociatif.Kernel.Authorization.Scopes.ClaimType, s)));
            if (Organization is not null)
            {
                claims.Add(new Claim(InterAssociatifClaims.Organization, Organization));
            }

            if (Person is not null)
            {
                claims.Add(new Claim(InterAssociatifClaims.Person, Person));
            }

            if (Credential is not null)
            {
                claims.Add(new Claim(InterAssociatif.Kernel.Authorization.Scopes.CredentialClaimType, Credential));
            }

            return new ClaimsPrincipal(
                new ClaimsIdentity(claims, Authenticated ? "test" : null, InterAssociatifClaims.Subject, RoleClaimType)
            );
        }

        /// <summary>What resolvers can tell of this caller.</summary>
        public string Readable() =>
            !Authenticated
                ? "anonymous"
                : string.Join(
                    "|",
                    string.Join(",", Roles.Distinct().Order(StringComparer.Ordinal)),
                    Organization,
                    Person,
                    string.Join(",", Scopes.Distinct().Order(StringComparer.Ordinal)),
                    Credential is not null
                );
    }

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string?> Optional = Pick<string?>(null, "a", "b");

    private static readonly Gen<Caller> Callers =
        from authenticated in Gen.Bool
        from roles in Pick(Roles.Coordinator, Roles.Member, Roles.Analyst, Roles.Partner).Array[0, 2]
        from organization in Optional
        from person in Optional
        from scopes in Pick(Scopes.ReadDecisions, Scopes.SubscribeDecisions).Array[0, 2]
        from credential in Optional
        from subject in Pick("s1", "s2")
        from tokenId in Pick("t1", "t2")
        from roleClaimType in Pick(InterAssociatifClaims.Role, ClaimTypes.Role)
        select new Caller(
            authenticated, roles, organization, person, scopes, credential, subject, tokenId, roleClaimType);

    [Fact]
    public void Two_callers_have_the_same_key_exactly_when_resolvers_can_tell_nothing_apart() =>
        Gen.Select(Callers, Callers)
            .Sample(
                (first, second) =>
                    (first.Principal().AuthorizationKey() == second.Principal().AuthorizationKey())
                    == (first.Readable() == second.Readable())
            );

    [Fact]
    public void An_anonymous_caller_has_the_empty_key()
    {
        Assert.Equal("", ((ClaimsPrincipal?)null).AuthorizationKey());
        Assert.Equal("", new ClaimsPrincipal(new ClaimsIdentity()).AuthorizationKey());
    }
}
