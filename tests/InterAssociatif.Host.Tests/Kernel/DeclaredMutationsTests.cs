namespace InterAssociatif.Host.Tests.Kernel;

/// <summary>Mutations declared on their input records: what the convention derives, and what it refuses.</summary>
public sealed class DeclaredMutationsTests
{
    [Fact]
    public void A_declared_mutation_is_named_after_its_record_and_only_coordinators_may_call_it()
    {
        var root = Build(typeof(RenameThingInput), typeof(ThingService));

        var field = Assert.Single(root.Fields);
        Assert.Equal("renameThing", field.Name);
        Assert.Equal("Renames a thing. Coordinators only.", field.Description);
        Assert.Equal([Roles.Coordinator], field.GetRoles());
        var payload = (IObjectGraphType)field.ResolvedType!.GetNamedType();
        Assert.Equal("RenameThingPayload", payload.Name);
        Assert.Equal(["thingOfNote", "errors"], payload.Fields.Select(f => f.Name));
    }

    [Fact]
    public void A_record_input_of_several_mutations_names_each_and_its_handler()
    {
        var root = Build(typeof(ShelveThingInput), typeof(ThingService));

        Assert.Equal(["shelveThing", "unshelveThing"], root.Fields.Select(f => f.Name));
        Assert.Equal("thing", ((IObjectGraphType)root.Fields.Last().ResolvedType!.GetNamedType()).Fields.First().Name);
    }

    [Theory]
    [InlineData(typeof(UnhandledThingInput), "Mutation unhandledThing: 0 methods take UnhandledThingInput")]
    [InlineData(typeof(TwoHandlersInput), "Mutation twoHandlers: 2 methods take TwoHandlersInput")]
    [InlineData(typeof(ThingCommand), "ThingCommand declares a mutation but is not named …Input.")]
    public void The_schema_does_not_build_when_a_declaration_is_wrong(Type record, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(record, typeof(ThingService)));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private static ObjectGraphType Build(params Type[] types)
    {
        var services = new ServiceCollection().AddSingleton<ThingService>().BuildServiceProvider();
        var root = new ObjectGraphType { Name = "Mutation" };
        new DeclaredMutations(types, services).Extend(root);
        return root;
    }

    public sealed record Thing(Guid Id);

    [CoordinatorMutation("ThingOfNote", "Renames a thing.")]
    public sealed record RenameThingInput(string Name);

    [CoordinatorMutation("Thing", "Shelves a thing.", Handler = nameof(ThingService.ShelveAsync))]
    [CoordinatorMutation(
        "Thing", "Unshelves a thing.", Name = "unshelveThing", Handler = nameof(ThingService.UnshelveAsync))]
    public sealed record ShelveThingInput(Guid Id);

    [CoordinatorMutation("Thing", "Handled by nobody.")]
    public sealed record UnhandledThingInput(Guid Id);

    [CoordinatorMutation("Thing", "Handled twice.")]
    public sealed record TwoHandlersInput(Guid Id);

    [CoordinatorMutation("Thing", "Badly named.")]
    public sealed record ThingCommand(Guid Id);

    public sealed class ThingService
    {
        public Task<MutationResult<Thing>> RenameAsync(RenameThingInput input, ErrorList e, CancellationToken c) =>
            Done(Guid.Empty);

        public Task<MutationResult<Thing>> ShelveAsync(ShelveThingInput input, ErrorList e, CancellationToken c) =>
            Done(input.Id);

        public Task<MutationResult<Thing>> UnshelveAsync(ShelveThingInput input, ErrorList e, CancellationToken c) =>
            Done(input.Id);

        public Task<MutationResult<Thing>> OnceAsync(TwoHandlersInput input, ErrorList e, CancellationToken c) =>
            Done(input.Id);

        public Task<MutationResult<Thing>> TwiceAsync(TwoHandlersInput input, ErrorList e, CancellationToken c) =>
            Done(input.Id);

        public Task<MutationResult<Thing>> CommandAsync(ThingCommand input, ErrorList e, CancellationToken c) =>
            Done(input.Id);

        private static Task<MutationResult<Thing>> Done(Guid id) =>
            Task.FromResult(MutationResult<Thing>.Ok(new Thing(id)));
    }
}
