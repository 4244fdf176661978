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

    /// <summary>The refused set is .NET's control characters (C0, DEL, C1) but tab, line feed and return.</summary>
    [Fact]
    public void Control_characters_are_found_where_they_are_and_only_there() =>
        Gen.Char[(char)0, (char)0x1FF].Array[0, 30].Select(chars => new string(chars)).Sample(text =>
            Assert.Equal(
                text.ToList().FindIndex(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')),
                ControlCharacters.IndexIn(text)));

    [Fact]
    public void A_text_with_a_control_character_is_refused_naming_the_field_and_the_character()
    {
        var errors = new ErrorList();
        Assert.Equal("Bell\a here", errors.Text("title", "  Bell\a here ", 100, required: true));
        var error = Assert.IsType<InputValidationError>(Assert.Single(errors.Items));
        Assert.Equal("title", error.Field);
        Assert.Equal(
            "`title` must not contain control characters (U+0007 at character 5); tabs and line breaks are allowed.",
            error.Message);

        var line = new ErrorList();
        Assert.Equal("Ligne 1\nLigne 2", line.Line("name", "Ligne 1\nLigne 2", 100, required: true));
        Assert.Equal(
            "`name` must be one line (U+000A at character 8): no tab or line break.",
            Assert.Single(line.Items).Message);

        var clean = new ErrorList();
        Assert.Equal("Ligne 1\r\n\tLigne 2", clean.Text("notes", "Ligne 1\r\n\tLigne 2", 100, required: false));
        Assert.False(clean.Any);
    }

    [Fact]
    public void A_changes_omitted_text_is_not_checked_and_a_given_one_is_checked_as_a_new_one()
    {
        var errors = new ErrorList();
        Assert.Null(errors.Line("name", Optional<string?>.Unset, 5, required: true));
        Assert.Null(errors.Text("notes", Optional<string?>.Unset, 5, required: true));
        Assert.False(errors.Any);

        Assert.Equal("court", errors.Line("name", new Optional<string?>(true, " court "), 5, required: true));
        Assert.False(errors.Any);
        foreach (var (value, message) in new[]
        {
            ("trop long", "`name` must be at most 5 characters (got 9)."),
            ("", "`name` must not be empty."),
            ("a\tb", "`name` must be one line (U+0009 at character 2): no tab or line break."),
        })
        {
            var given = new ErrorList();
            given.Line("name", new Optional<string?>(true, value), 5, required: true);
            Assert.Equal(message, Assert.Single(given.Items).Message);
        }

        var text = new ErrorList();
        text.Text("notes", new Optional<string?>(true, "beaucoup trop long"), 5, required: false);
        Assert.Equal("notes", Assert.IsType<InputValidationError>(Assert.Single(text.Items)).Field);
    }
}
