import ArgumentParser
import Foundation
import RecommenderKit

/// `swiftnb data fetch NAME | list`: obtain datasets into data/ (gitignored).
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Fetch datasets into data/ and list what is there.",
        subcommands: [Fetch.self, List.self])

    /// `swiftnb data fetch NAME`.
    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download and unpack a dataset into data/NAME (nothing to do when present).",
            discussion: "Exit status: 0 fetched or already present; 2 the fetch failed (unknown name, no network and no fallback, a folder that cannot be written, or something unusable at data/NAME).")

        @Argument(help: "The dataset, e.g. ml-100k (see `swiftnb data list`).")
        var name: String

        @Option(help: "Folder that holds the datasets.")
        var dataDir: String = "data"

        func run() throws {
            do {
                let folder = try DatasetFetcher.fetch(name, into: URL(fileURLWithPath: dataDir))
                print("\(name): \(folder.path)")
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                throw ExitCode(ExitCodes.usage)   // an environment failure, as elsewhere in the CLI
            }
        }
    }

    /// `swiftnb data list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List known datasets and whether they are fetched.")

        @Option(help: "Folder that holds the datasets.")
        var dataDir: String = "data"

        func run() throws {
            for entry in DatasetFetcher.list(dataRoot: URL(fileURLWithPath: dataDir)) {
                print(entry.description)
            }
        }
    }
}
