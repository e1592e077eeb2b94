import Foundation

/// Where the data bundled with Scorecast (the `notebooks-data/` folder of the checkout: DfE
/// local authority files, neighbour groups, the scorecard map) is found, wherever `scorecast`
/// runs from.
///
/// Looked for in this order, the first folder holding `dfe/measures.csv` winning:
/// 1. `$SCORECAST_DATA` (then it must hold the files: no silent fallback past it);
/// 2. `PREFIX/share/scorecast`, for an executable installed as `PREFIX/bin/scorecast` by
///    `scripts/install PREFIX`;
/// 3. `notebooks-data` in the checkout that built the executable (the folder above
///    `.build/…/scorecast`, found by walking up from the executable's real path);
/// 4. `notebooks-data` in the working directory.
///
/// Commands' defaults (`--data`, `--measure-map`) are paths under the folder found, so an
/// explicit option still wins. `scorecast doctor` reports the folder and which rule found it.
/// The executable's path is `/proc/self/exe` on Linux (`CommandLine.arguments[0]` elsewhere),
/// with symbolic links resolved, so a link on the `PATH` to an installed binary works.
enum BundledData {
    /// The environment variable that names the data folder.
    static let environmentVariable = "SCORECAST_DATA"
    /// A file every complete data folder has.
    static let markerFile = "dfe/measures.csv"

    /// A data folder and how it was found.
    struct Location: Equatable {
        /// The folder (holding `dfe/`, `scorecard/`, ...).
        var directory: String
        /// `SCORECAST_DATA`, `install`, `checkout` or `working directory`.
        var foundBy: String
    }

    /// The folder found for this process, `nil` when none of the places has the data.
    static let current: Location? = locate(
        environment: ProcessInfo.processInfo.environment[environmentVariable], executable: executablePath(),
        workingDirectory: FileManager.default.currentDirectoryPath)

    /// The candidate folders, in order, for an executable at `executable` run in
    /// `workingDirectory`, with `environment` the value of `SCORECAST_DATA` if set.
    static func candidates(environment: String?, executable: String?, workingDirectory: String) -> [Location] {
        if let environment, !environment.isEmpty { return [Location(directory: environment, foundBy: environmentVariable)] }
        var result: [Location] = []
        if let executable {
            let binDirectory = (executable as NSString).deletingLastPathComponent
            let prefix = (binDirectory as NSString).deletingLastPathComponent
            result.append(Location(directory: prefix + "/share/scorecast", foundBy: "install"))
            var directory = binDirectory
            while directory != "/" && !directory.isEmpty {
                if (directory as NSString).lastPathComponent == ".build" {
                    result.append(Location(directory: (directory as NSString).deletingLastPathComponent + "/notebooks-data", foundBy: "checkout"))
                    break
                }
                directory = (directory as NSString).deletingLastPathComponent
            }
        }
        result.append(Location(directory: workingDirectory + "/notebooks-data", foundBy: "working directory"))
        return result
    }

    /// The first candidate holding the data.
    static func locate(environment: String?, executable: String?, workingDirectory: String) -> Location? {
        candidates(environment: environment, executable: executable, workingDirectory: workingDirectory).first {
            FileManager.default.fileExists(atPath: $0.directory + "/" + markerFile)
        }
    }

    /// `relative` under the data folder found; when none was, under `$SCORECAST_DATA` if set,
    /// else under `notebooks-data/` in the working directory (so an error names the path tried).
    static func path(_ relative: String) -> String {
        let environment = ProcessInfo.processInfo.environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        return (current?.directory ?? environment ?? "notebooks-data") + "/" + relative
    }

    /// This executable's real path.
    static func executablePath() -> String? {
        #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        return URL(fileURLWithPath: first).resolvingSymlinksInPath().path
    }
}
