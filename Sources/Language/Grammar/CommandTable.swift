/// The commands mlw understands, in the order `help` lists them.
public struct CommandTable: Sendable {
    public let commands: [CommandSpec]
    public let algorithms: [AlgorithmSignature]
    /// Other spellings accepted for a command word (`exit` for `quit`).
    public let aliases: [String: String]

    public init(commands: [CommandSpec], algorithms: [AlgorithmSignature], aliases: [String: String] = [:]) {
        self.commands = commands
        self.algorithms = algorithms
        self.aliases = aliases
    }

    /// The command's first form (most commands have one).
    public func command(named word: String) -> CommandSpec? {
        forms(named: word).first
    }

    /// Every form of a command, in table order: `export NAME to PATH` and `export html|markdown PATH`.
    /// The parser takes the first form that the line fits; a line that fits none gets the error of the form
    /// it went furthest in, the later one on a tie, so a general form comes before a specific one.
    public func forms(named word: String) -> [CommandSpec] {
        let name = aliases[word] ?? word
        return commands.filter { $0.name == name }
    }

    public func algorithm(named name: String) -> AlgorithmSignature? {
        algorithms.first { $0.name == name }
    }

    /// Each command word once, in table order.
    public var commandNames: [String] {
        var seen: Set<String> = []
        return commands.map(\.name).filter { seen.insert($0).inserted }
    }
    public var algorithmNames: [String] { algorithms.map(\.name) }

    /// Every option `spec` accepts once its algorithm (if any) is known.
    public func options(for spec: CommandSpec, algorithm: String?) -> [OptionSpec] {
        guard let algorithm, let signature = self.algorithm(named: algorithm) else { return spec.options }
        switch spec.extraOptions {
        case .none:
            return spec.options
        case .algorithmParameters:
            return spec.options + signature.parameters
        case .algorithmParameterGrids:
            return spec.options + signature.parameters.map { parameter in
                var grid = parameter
                grid.type = .list(parameter.type)
                return grid
            }
        }
    }
}

extension CommandTable {
    /// The table of mlw's commands, given the algorithms the learning layer provides.
    public static func standard(algorithms: [AlgorithmSignature]) -> CommandTable {
        CommandTable(commands: dataCommands + experimentCommands + learningCommands + trackingCommands + registryCommands
                         + servingCommands + monitoringCommands + scriptingCommands + lessonCommands,
                     algorithms: algorithms,
                     aliases: ["exit": "quit"])
    }

    static let seedOption = OptionSpec("seed", .integer(min: 0, max: nil), help: "seed of the random generator (default: the session's seed)")
    static let learningTargetOption = OptionSpec("target", .name,
                                                 help: "the column to predict when DATA is a quoted path (a loaded dataset keeps its own)")

    static let dataCommands: [CommandSpec] = [
        CommandSpec("load", [.slot("NAME", .newName), .keyword("from"), .slot("PATH", .path)],
                    options: [
                        OptionSpec("target", .name, help: "the column to predict"),
                        OptionSpec("sep", .text, default: "\",\"", help: "field separator (default: sniffed; tab for .tsv)"),
                        OptionSpec("task", .choice(["auto", "classification", "regression"]), default: "auto",
                                   help: "how to read the target: auto (text or two whole numbers are classes, other numbers "
                                       + "a quantity), or as classes or as numbers whatever its values"),
                    ],
                    group: "Data",
                    summary: "read a CSV/TSV or JSON Lines file; print its shape, column types, missing values and content hash",
                    example: "load iris from \"samples/data/iris.csv\" target=species"),
        CommandSpec("show", [.slot("NAME", .dataset)],
                    options: [OptionSpec("rows", .integer(min: 1, max: nil), default: "10", help: "how many rows")],
                    group: "Data", summary: "the first rows as a table", example: "show iris rows=5"),
        CommandSpec("describe", [.slot("NAME", .dataset)],
                    group: "Data", summary: "per-column statistics with a small histogram",
                    example: "describe iris"),
        CommandSpec("split", [.slot("NAME", .dataset), .keyword("into"), .slot("A", .newName), .keyword(","), .slot("B", .newName)],
                    options: [
                        OptionSpec("ratio", .real(min: 0, max: 1, openMin: true, openMax: true), default: "0.8", help: "share of rows in the first part (0.8 or 80%)"),
                        seedOption,
                        OptionSpec("stratify", .boolean, default: "true", help: "keep class proportions in both parts (classification targets)"),
                    ],
                    group: "Data", summary: "two new datasets whose lineage points back to NAME",
                    example: "split iris into train, test ratio=0.8 seed=42 stratify=true"),
        CommandSpec("filter", [.slot("NAME", .dataset), .keyword("into"), .slot("A", .newName)],
                    options: [OptionSpec("where", .text, help: "which rows to keep: \"trend <= 24 and cd == 'yes'\""),
                              OptionSpec("drop", .list(.name), help: "columns to leave out: [month, trend]")],
                    requiresOption: true,
                    group: "Data", summary: "a new dataset of the rows that meet a condition, less dropped columns; lineage points back to NAME",
                    example: "filter computers into early where=\"trend <= 24\" drop=[month]"),
        CommandSpec("datasets", [], group: "Data",
                    summary: "every dataset in the session with rows, columns, hash and lineage", example: "datasets"),
    ]

    static let experimentCommands: [CommandSpec] = [
        CommandSpec("train", [.slot("NAME", .newName), .keyword("="), .slot("ALGO", .algorithm), .keyword("on"), .slot("DATA", .dataset)],
                    options: [seedOption, learningTargetOption], extraOptions: .algorithmParameters(slot: "ALGO"),
                    group: "Experiments", summary: "fit a model; prints its training metrics and duration",
                    example: "train lr = logistic on train C=0.5"),
        CommandSpec("evaluate", [.slot("NAME", .models), .keyword("on"), .slot("DATA", .dataset)],
                    group: "Experiments", summary: "metrics table; stored as NAME.DATA.METRIC for print and assert",
                    example: "evaluate lr, base on test"),
    ]

    /// Cross-validation, tuning, comparison and inspection.
    static let learningCommands: [CommandSpec] = [
        CommandSpec("cv", [.slot("ALGO", .algorithm), .keyword("on"), .slot("DATA", .dataset)],
                    options: [foldsOption, seedOption, learningTargetOption], extraOptions: .algorithmParameters(slot: "ALGO"),
                    group: "Experiments", summary: "k-fold cross-validation (stratified for classification): mean ± std per metric",
                    example: "cv forest on train folds=5 trees=50"),
        CommandSpec("tune", [.slot("NAME", .newName), .keyword("="), .slot("ALGO", .algorithm), .keyword("on"), .slot("DATA", .dataset)],
                    options: [foldsOption, seedOption, byOption, learningTargetOption], extraOptions: .algorithmParameterGrids(slot: "ALGO"),
                    group: "Experiments", summary: "grid search by cross-validation; reports every combination; NAME is the best, refit on all of DATA",
                    example: "tune best = knn on train k=[1, 5, 15] weights=[uniform, distance] by=f1"),
        CommandSpec("compare", [.slot("NAME", .models), .keyword("on"), .slot("DATA", .dataset)],
                    options: [byOption, OptionSpec("folds", .integer(min: 2, max: nil), help: "compare by cross-validation on DATA with the corrected resampled t-test"), seedOption],
                    group: "Experiments", summary: "side by side, with a significance test (McNemar, or a corrected t-test with folds=) and a verdict",
                    example: "compare lr, rf on test by=f1"),
        CommandSpec("explain", [.slot("NAME", .model), .keyword("on"), .slot("DATA", .dataset)],
                    options: [byOption, OptionSpec("repeats", .integer(min: 1, max: 100), default: "5", help: "shuffles per feature"), seedOption],
                    group: "Experiments", summary: "permutation feature importance, as a bar chart",
                    example: "explain rf on test"),
        CommandSpec("explain", [.keyword("last")],
                    group: "Experiments", summary: "why the last command chose what it chose on its own: preprocessing, a drift test, a gate's verdict",
                    example: "explain last"),
        CommandSpec("plot", [.slot("KIND", .choice(["confusion", "roc", "importance"])), .slot("NAME", .model), .keyword("on"), .slot("DATA", .dataset)],
                    options: [seedOption],
                    group: "Experiments", summary: "a chart in the terminal: confusion matrix, ROC curve or feature importance",
                    example: "plot confusion lr on test"),
        CommandSpec("predict", [.slot("NAME", .model), .keyword("on"), .slot("DATA", .dataset),
                                .optional([.keyword("to"), .slot("PATH", .path)])],
                    options: [OptionSpec("rows", .integer(min: 1, max: nil), help: "how many predictions to show (default 10)")],
                    group: "Experiments", summary: "batch predictions: the first rows and a summary, or every row as CSV with to PATH "
                        + "(DATA's columns, predicted_TARGET, a probability per class)",
                    example: "predict credit@production on applicants to \"scored.csv\""),
        CommandSpec("export", [.slot("NAME", .model), .keyword("to"), .slot("PATH", .path)],
                    group: "Experiments", summary: "write a model for other tools: a boost model as XGBoost JSON, others as mlw's JSON artifact",
                    example: "export gb to \"gb.json\""),
    ]

    static let noteOption = OptionSpec("note", .text, help: "why, in words, for the audit trail")

    /// The experiment log: listing, inspecting and reproducing runs.
    static let trackingCommands: [CommandSpec] = [
        CommandSpec("runs", [.optional([.slot("ALGO", .algorithm)])],
                    options: [
                        OptionSpec("by", .name, help: "list best first by this metric (accuracy, f1, r2, rmse, ...)"),
                        OptionSpec("limit", .integer(min: 1, max: nil), help: "show at most N runs"),
                        OptionSpec("where", .text, help: "a filter on params and metrics: \"f1 > 0.8 and (trees >= 100 or depth == 5)\""),
                        OptionSpec("kind", .choice(["train", "evaluate", "cv", "tune"]), help: "only runs of this command"),
                    ],
                    group: "Tracking", summary: "the experiment log: every train, evaluate, cv and tune run, newest first or best first",
                    example: "runs forest by=f1 limit=5 where=\"trees >= 100\""),
        CommandSpec("run", [.slot("RUN", .value)],
                    group: "Tracking", summary: "one run in full: params, seed, data versions, metrics, artifact, where it was made (N or last)",
                    example: "run 3"),
        CommandSpec("reproduce", [.keyword("run"), .slot("RUN", .value)],
                    group: "Tracking", summary: "redo a run from its stored data snapshot, params and seed; checks the artifact hash (or metrics) match",
                    example: "reproduce run 3"),
    ]

    /// The model registry and its governance.
    static let registryCommands: [CommandSpec] = [
        CommandSpec("register", [.slot("MODEL", .model), .keyword("as"), .slot("NAME", .newName)], options: [noteOption],
                    group: "Registry", summary: "a new version NAME@N of a registered model, status pending",
                    example: "register rf as credit note=\"first forest\""),
        CommandSpec("approve", [.slot("NAME@N", .model)], options: [noteOption],
                    group: "Registry", summary: "approve a pending version (recorded with who and when)",
                    example: "approve credit@1 note=\"reviewed\""),
        CommandSpec("reject", [.slot("NAME@N", .model)], options: [noteOption],
                    group: "Registry", summary: "reject a version, with the reason as note=",
                    example: "reject credit@2 note=\"uses a leaked feature\""),
        CommandSpec("promote", [.slot("NAME@N", .model), .keyword("to"), .slot("STAGE", .choice(["staging", "production"]))],
                    options: [
                        OptionSpec("gate", .text, help: "\"METRIC on DATA\": promote only if at least as good as production on DATA"),
                        noteOption,
                    ],
                    group: "Registry", summary: "move an approved version to staging or production; the one it replaces is archived",
                    example: "promote credit@2 to production gate=\"f1 on test\""),
        CommandSpec("rollback", [.slot("NAME", .model)], options: [noteOption],
                    group: "Registry", summary: "production returns to the previous production version",
                    example: "rollback credit"),
        CommandSpec("models", [.optional([.slot("NAME", .model)])],
                    group: "Registry", summary: "every registered model: versions, approval, stage and key metrics",
                    example: "models"),
        CommandSpec("card", [.slot("NAME@N", .model), .optional([.keyword("to"), .slot("PATH", .path)])],
                    group: "Registry", summary: "the model card (algorithm, params, data lineage, metrics, decisions), or write it as Markdown",
                    example: "card credit@1 to \"credit-card.md\""),
    ]

    static let monitoringDataHelp = "a dataset name, or a quoted path loaded on the spot"

    /// Monitoring and continuous training of registered models.
    static let monitoringCommands: [CommandSpec] = [
        CommandSpec("monitor", [.slot("NAME", .model)],
                    options: [OptionSpec("baseline", .any, help: "DATA the model is compared with: " + monitoringDataHelp)],
                    requiresOption: true,
                    group: "Monitoring", summary: "baseline statistics and constraints of the production version's inputs and predictions",
                    example: "monitor credit baseline=train"),
        CommandSpec("observe", [.slot("NAME", .model), .keyword("with"), .slot("DATA", .dataset)],
                    options: [
                        OptionSpec("method", .choice(["ks", "chi2", "z", "wasserstein", "jensenshannon", "psi"]),
                                   help: "one drift method instead of the default choice per feature"),
                        OptionSpec("detector", .choice(["ddm", "eddm", "adwin", "pagehinkley"]),
                                   help: "a concept-drift detector over the model's errors (needs the target)"),
                    ],
                    group: "Monitoring", summary: "a production batch: data quality, drift per feature, prediction drift, quality with the target",
                    example: "observe credit with \"batch.csv\" detector=adwin"),
        CommandSpec("drift", [.slot("NAME", .model)],
                    group: "Monitoring", summary: "the latest drift report: per feature its test, statistic, p-value or score and verdict",
                    example: "drift credit"),
        CommandSpec("quality", [.slot("NAME", .model)], options: [byOption],
                    group: "Monitoring", summary: "model quality and drift share per observed batch, as a chart",
                    example: "quality credit"),
        CommandSpec("alert", [.slot("NAME", .model), .keyword("when"), .slot("EXPR", .condition(until: "then")),
                              .keyword("then"), .keyword("retrain"), .keyword("on"), .slot("DATA", .dataset)],
                    options: [
                        OptionSpec("by", .name, help: "the metric the gate compares on the batch (default: the one in EXPR, else accuracy or r2)"),
                        OptionSpec("with_batch", .boolean, default: "false", help: "train on DATA plus the batch that fired the rule"),
                    ],
                    group: "Monitoring", summary: "continuous training: when EXPR holds after an observe, retrain, register, gate and promote",
                    example: "alert credit when drift.share >= 0.5 or quality.f1 < 0.6 then retrain on train"),
        CommandSpec("retrain", [.slot("NAME", .model), .keyword("on"), .slot("DATA", .dataset)],
                    options: [
                        OptionSpec("by", .name, help: "the metric the gate compares on the latest batch (default accuracy or r2)"),
                        OptionSpec("with_batch", .boolean, default: "false", help: "train on DATA plus the latest observed batch"),
                    ],
                    group: "Monitoring", summary: "production's algorithm and params on new data: a new version, gated against production",
                    example: "retrain credit on \"recent.csv\""),
    ]

    /// The HTTP endpoint and how it routes traffic between versions.
    static let servingCommands: [CommandSpec] = [
        CommandSpec("serve", [],
                    options: [
                        OptionSpec("port", .integer(min: 0, max: 65535), default: "8080", help: "the port to listen on (0 picks a free one)"),
                        OptionSpec("host", .text, default: "\"127.0.0.1\"", help: "the address to bind; 127.0.0.1 keeps the endpoint local"),
                    ],
                    group: "Serving", summary: "start the HTTP endpoint for the deployed models in the background; the prompt stays usable",
                    example: "serve port=8080"),
        CommandSpec("deploy", [.slot("NAME", .model)],
                    options: [
                        OptionSpec("strategy", .choice(["direct", "canary", "bluegreen", "shadow"]), default: "direct",
                                   help: "direct: all to production; canary: percent to staging; bluegreen: switch to staging at once; "
                                       + "shadow: copy percent to staging, unseen"),
                        OptionSpec("percent", .integer(min: nil, max: nil),
                                   help: "canary: share of requests the staging version answers (default 10); shadow: share copied (default 100)"),
                        OptionSpec("capture", .integer(min: 0, max: 100),
                                   help: "percent of requests stored for monitoring (default: the share in force, 100 at first; "
                                       + "observe NAME with captured)"),
                        noteOption,
                    ],
                    group: "Serving", summary: "route the endpoint's traffic between production and the staging candidate; audited, live at once",
                    example: "deploy credit strategy=canary percent=10"),
        CommandSpec("send", [.slot("DATA", .dataset), .keyword("to"), .slot("NAME", .model)],
                    options: [
                        OptionSpec("rows", .integer(min: 1, max: nil), help: "send only the first rows of DATA (default all)"),
                        OptionSpec("batch", .integer(min: 1, max: 10_000), default: "1", help: "rows per request"),
                        OptionSpec("url", .text, help: "another endpoint, e.g. \"http://127.0.0.1:8080\" (default: this session's serve)"),
                    ],
                    group: "Serving", summary: "traffic from a dataset: its rows as JSON requests to the endpoint, and which versions answered",
                    example: "send test to credit batch=10"),
        CommandSpec("traffic", [.slot("NAME", .model)],
                    group: "Serving", summary: "what the endpoint saw: requests, share, errors, latency and predictions per version",
                    example: "traffic credit"),
    ]

    static let foldsOption = OptionSpec("folds", .integer(min: 2, max: nil), default: "5", help: "number of folds")
    static let byOption = OptionSpec("by", .name, help: "the metric that decides (accuracy, f1, roc_auc, r2, rmse, ...)")

    static let scriptingCommands: [CommandSpec] = [
        CommandSpec("param", [.slot("NAME", .assignment)],
                    group: "Session", summary: "a parameter with a default, used as $NAME; `mlw run -p NAME=VALUE` overrides it",
                    example: "param ratio=0.8"),
        CommandSpec("set", [], options: [seedOption], requiresOption: true,
                    group: "Session", summary: "session settings: the default seed",
                    example: "set seed=7"),
        CommandSpec("print", [.slot("PATH", .value)],
                    group: "Session", summary: "a value alone on its line (lr.test.accuracy, $param, \"text\")",
                    example: "print lr.test.accuracy"),
        CommandSpec("assert", [.slot("PATH", .valuePath), .slot("OP", .comparison), .slot("VALUE", .value)],
                    group: "Session", summary: "fail (with line and column) unless the comparison holds; OP is < <= == != >= >",
                    example: "assert lr.test.accuracy >= 0.9"),
        CommandSpec("include", [.slot("PATH", .path)],
                    group: "Session", summary: "run another session file here", example: "include \"samples/prepare.mlw\""),
        CommandSpec("replay", [.slot("PATH", .path)],
                    options: [OptionSpec("check", .boolean, default: "false", help: "compare each command's output with its recorded #> lines, as --check does")],
                    group: "Session", summary: "replay a session file in a fresh session and store, as `mlw run` does in CI; fails unless it passes",
                    example: "replay \"pipeline.mlw\" check=true"),
        CommandSpec("history", [.optional([.slot("NAME", .model)])],
                    group: "Session", summary: "the commands of this session so far; with NAME, that registered model's audit trail",
                    example: "history credit"),
        CommandSpec("save", [.slot("PATH", .path)],
                    group: "Session", summary: "write this session's commands and outputs as a session file",
                    example: "save \"my-session.mlw\""),
        CommandSpec("export", [.slot("FORMAT", .choice(["html", "markdown"])), .slot("PATH", .path)],
                    group: "Session", summary: "this session so far as a page: numbered cells, tables, charts as SVG (or Markdown)",
                    example: "export html \"session.html\""),
        CommandSpec("help", [.optional([.slot("COMMAND", .commandName)])],
                    group: "Session", summary: "usage and an example for every command, or for one",
                    example: "help split"),
        CommandSpec("quit", [.optional([.slot("WHAT", .choice(["lesson"]))])], group: "Session",
                    summary: "leave mlw (the session file is already on disk), or with `lesson`, leave the lesson for your own session",
                    example: "quit"),
    ]

    /// Guided lessons: a step at a time, checked by what the learner's commands did.
    static let lessonCommands: [CommandSpec] = [
        CommandSpec("lesson", [.optional([.slot("NAME", .lesson)])],
                    options: [OptionSpec("restart", .boolean, default: "false", help: "start from the first step even if you were further")],
                    group: "Lessons", summary: "the lessons with your progress, or start one (by name or number); it picks up where you left",
                    example: "lesson experimentation"),
        CommandSpec("hint", [], group: "Lessons", summary: "what the current step still misses, and a hint (then another, then the answer)",
                    example: "hint"),
        CommandSpec("skip", [], group: "Lessons", summary: "have mlw do the current step for you, so the next steps still work",
                    example: "skip"),
        CommandSpec("back", [], group: "Lessons", summary: "return to the previous step", example: "back"),
    ]
}
