namespace InterAssociatif.Host.Authentication;

/// <summary>
/// The embedded default's token authority: a signing key created on first run in the data folder,
/// used by the server to validate tokens and by the <c>token</c> command (and, in Development, the
/// IDE) to issue them. Production uses an OIDC authority instead (<c>Authentication:Authority</c>).
/// </summary>
internal sealed class LocalTokens
{
    public const string Issuer = "interassociatif-local";
    private const string KeyFileName = "signing-key.txt";

    private readonly string _audience;

    public LocalTokens(string dataDirectory, string audience)
    {
        _audience = audience;
        Key = new SymmetricSecurityKey(LoadOrCreateKey(dataDirectory)) { KeyId = "local" };
    }

    public SymmetricSecurityKey Key { get; }

    public string Issue(
        string role, Guid? organizationId, Guid? personId, string? subject, TimeSpan lifetime, DateTimeOffset now)
    {
        var claims = new Dictionary<string, object>
        {
            [InterAssociatifClaims.Subject] = subject ?? $"local-{role}",
            [InterAssociatifClaims.Role] = role,
        };
        if (organizationId is { } org)
        {
            claims[InterAssociatifClaims.Organization] = org.ToString();
        }

        if (personId is { } person)
        {
            claims[InterAssociatifClaims.Person] = person.ToString();
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = _audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    private static byte[] LoadOrCreateKey(string dataDirectory)
    {
        System.IO.Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, KeyFileName);
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        var key = RandomNumberGenerator.GetBytes(32);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException)
        {
            // Another process created it first: use theirs.
            File.Delete(temporary);
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}

internal static class AuthenticationSetup
{
    /// <summary>JWT bearer: an OIDC authority when configured, else the local signing key.</summary>
    public static void AddInterAssociatifAuthentication(
        this IServiceCollection services, IConfiguration configuration, LocalTokens localTokens)
    {
        var section = configuration.GetSection("Authentication");
        var authority = section["Authority"];
        var audience = section["Audience"] ?? "interassociatif";
        services.AddAuthentication("BearerOrApiKey")
            .AddPolicyScheme("BearerOrApiKey", "A bearer token, or a partner's API key in X-Api-Key", options =>
                options.ForwardDefaultSelector = http =>
                    http.Request.Headers.ContainsKey(Access.ApiKeyService.HeaderName)
                        ? Access.ApiKeyAuthentication.SchemeName
                        : "Bearer")
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Access.ApiKeyAuthentication>(
                Access.ApiKeyAuthentication.SchemeName, null)
            .AddJwtBearer("Bearer", options =>
        {
            options.MapInboundClaims = false;
            var validator = options.TokenHandlers.Single();
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new RememberedTokens(validator, TimeProvider.System));
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidAudience = audience,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                RoleClaimType = section["RoleClaim"] ?? InterAssociatifClaims.Role,
                NameClaimType = InterAssociatifClaims.Subject,
            };
            if (!string.IsNullOrWhiteSpace(authority))
            {
                options.Authority = authority;
                options.RequireHttpsMetadata = !authority.StartsWith(
                    "http://localhost", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                options.TokenValidationParameters.ValidIssuer = LocalTokens.Issuer;
                options.TokenValidationParameters.IssuerSigningKey = localTokens.Key;
            }

            options.Events = new Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    MapClaims(context.Principal, section);
                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorization();
    }

    /// <summary>Copies the configured organisation and person claims to the names the modules read.</summary>
    public static void MapClaims(ClaimsPrincipal? principal, IConfigurationSection section)
    {
        if (principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        foreach (var (configured, name) in new[]
        {
            (section["OrganizationClaim"], InterAssociatifClaims.Organization),
            (section["PersonClaim"], InterAssociatifClaims.Person)
        })
        {
            if (!string.IsNullOrEmpty(configured)
                && configured != name
                && identity.FindFirst(configured) is { } claim
                && identity.FindFirst(name) is null)
            {
                identity.AddClaim(new Claim(name, claim.Value));
            }
        }
    }
}
