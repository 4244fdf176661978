using InterAssociatif.Kernel.Text;

namespace InterAssociatif.Host.Tests.Kernel;

public sealed class GlobalIdAndTextTests
{
    [Fact]
    public void A_global_id_round_trips_and_names_its_type()
    {
        var id = Guid.CreateVersion7();
        var encoded = GlobalId.Encode("Organization", id);
        Assert.True(GlobalId.TryDecode(encoded, out var type, out var decoded));
        Assert.Equal(("Organization", id), (type, decoded));
        Assert.True(GlobalId.TryDecode(encoded, "Organization", out _));
        Assert.False(GlobalId.TryDecode(encoded, "Person", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 !")]
    [InlineData("T3JnYW5pemF0aW9u")] // "Organization" without a key
    [InlineData("T3JnYW5pemF0aW9uOm5vdC1hLWd1aWQ")] // "Organization:not-a-guid"
    public void A_forged_or_malformed_id_does_not_decode(string value) =>
        Assert.False(GlobalId.TryDecode(value, out _, out _));

    [Theory]
    [InlineData("MOZAÏK RH", "mozaikrh")]
    [InlineData("REGART'S", "regarts")]
    [InlineData("PAQ'LA LUNE", "paqlalune")]
    [InlineData("FEDERATION LOIRE-ATLANTIQUE – FAL 44", "federationloireatlantiquefal44")]
    [InlineData("Œuvre d'Été", "oeuvredete")]
    [InlineData("  ", "")]
    public void Search_keys_drop_case_accents_and_punctuation(string value, string key) =>
        Assert.Equal(key, SearchText.Key(value));

    [Fact]
    public void Search_tokens_split_on_punctuation_and_spaces() =>
        Assert.Equal(["paq", "la", "lune"], SearchText.Tokens("  Paq' la   LUNE "));
}
