import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// `scorecast models`: the model registry as CSV
/// (`name,summary,default_intervals,auto_member,auto_last_resort`), generated from
/// ``ModelCatalogue/entries``: what each family is, whose intervals `--intervals default`
/// reports, whether `auto`'s ensemble includes it, and whether `auto` falls back to it when no
/// ensemble member can be fitted.
struct ModelsCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the models --model accepts: what each is, its default intervals, and its part in auto.",
        discussion: "Exit status: \(ExitStatus.summary)"
    )

    @OptionGroup var output: OutputOptions

    func execute() throws {
        var writer = CSVWriter()
        writer.writeRecord(["name", "summary", "default_intervals", "auto_member", "auto_last_resort"])
        let members = Set(Ensemble.defaultMembers.map(\.family))
        for entry in ModelCatalogue.entries {
            writer.writeRecord([
                entry.name, entry.summary, entry.conformalByDefault ? IntervalMethod.conformal.rawValue : IntervalMethod.model.rawValue,
                String(members.contains(entry.family)), String(entry.isAutomaticCandidate),
            ])
        }
        try output.write(writer)
    }
}
