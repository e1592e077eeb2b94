import ArgumentParser

/// The options every synthetic-returns command shares (`example-903`, `example-cin`): the
/// seed and the collection years. Include with `@OptionGroup var collection: SyntheticReturnsOptions`.
struct SyntheticReturnsOptions: ParsableArguments {
    @Option(help: "Seed of the random numbers.")
    var seed: UInt64 = 903

    @Option(help: "Collection years to write.")
    var years = 5

    @Option(help: ArgumentHelp("The year the last collection year ends (2025 for 2024-25).", valueName: "YYYY"))
    var lastYear = 2025

    func validate() throws {
        guard (1...30).contains(years) else { throw ValidationError("--years must be 1 to 30") }
    }
}
