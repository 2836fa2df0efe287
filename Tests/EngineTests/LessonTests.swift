import Engine
import Foundation
import Store
import Testing

/// A three-step lesson on iris, written as a teacher would, with the data's absolute path.
private func irisLesson(check split: String = "check: test.rows == 30") -> String {
    """
    # Iris in three steps

    An introduction.

    ## Load
    Some explanation.
    task: Load iris as `iris`, predicting `species`.
    do: load iris from "\(packageRoot)/samples/data/iris.csv" target=species
    check: iris.target == species
    otherwise: load it with target=species
    hint: first hint
    hint: second hint

    ## Split
    task: Split `iris` into `train` and `test`, 80/20, seed 42.
    do: split iris into train, test ratio=0.8 seed=42
    \(split)
    otherwise: use ratio=0.8

    ## Train
    task: Train `base`, a baseline, on `train`.
    do: train base = baseline on train
    check: base.algorithm == baseline
    otherwise: `base` must be a baseline
    check: base.data == train

    ## Summary
    You have a baseline.
    """
}

/// Runs lines in one session, keeping everything it printed.
private final class Learner {
    let harness: Harness
    var said: [String] = []
    init(store: Store? = nil) { harness = Harness(session: Session(store: store)) }
    @discardableResult
    func type(_ line: String) -> [String] {
        let output = harness.run(line).output
        said += output
        return output
    }
    var step: Int? { harness.session.lesson?.step }
}

@Suite("Lessons")
struct LessonTests {
    @Test func aLessonIsTakenStepByStepAndEndsWithItsSummary() throws {
        let folder = TemporaryDirectory()
        let file = folder.write("1-iris.lesson", irisLesson())
        let learner = Learner()
        let start = learner.type("lesson \"\(file)\"")
        #expect(start.contains("── Step 1 of 3 · Load ──") && start.contains("▸ Load iris as `iris`, predicting `species`."), "\(start)")
        learner.type("load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species")
        #expect(learner.step == 1)
        learner.type("split iris into train, test ratio=0.8 seed=42")
        let done = learner.type("train base = baseline on train")
        #expect(done.contains("✓ step 3 done: Train") && done.contains("You have a baseline."), "\(done)")
        #expect(learner.harness.session.lesson?.isFinished == true)
    }

    @Test func aWrongAnswerGetsTheCheckThatFailsAndTheLessonsOwnHint() throws {
        let folder = TemporaryDirectory()
        let learner = Learner()
        learner.type("lesson \"\(folder.write("1-iris.lesson", irisLesson()))\"")
        let wrong = learner.type("load iris from \"\(packageRoot)/samples/data/iris.csv\"")
        #expect(wrong.last == "not yet: iris.target is empty, not species — load it with target=species (`hint` helps; `skip` does this step for you)")
        learner.type("skip")
        learner.type("skip")
        let logistic = learner.type("train base = logistic on train")
        #expect(logistic.last?.hasPrefix("not yet: base.algorithm is logistic, not baseline — `base` must be a baseline") == true, "\(logistic)")
        let misnamed = learner.type("train other = baseline on train")
        #expect(misnamed.last?.hasPrefix("not yet: base.algorithm is logistic") == true)
        #expect(learner.step == 2)
    }

    @Test func aFlagAloneInACheckMustBeTrueAsInAlert() throws {
        let folder = TemporaryDirectory()
        let lesson = irisLesson().replacingOccurrences(of: "otherwise: load it with target=species\n",
                                                       with: "otherwise: load it with target=species\ncheck: endpoint.running\n")
        let learner = Learner()
        learner.type("lesson \"\(folder.write("1-iris.lesson", lesson))\"")
        let loaded = learner.type("load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species")
        #expect(learner.step == 0)
        #expect(loaded.last?.hasPrefix("not yet: endpoint.running is false") == true, "\(loaded)")
    }

    @Test func theMonitoringLessonChecksTheDataEachStepAsksFor() throws {
        let learner = Learner()
        learner.type("lesson \"\(packageRoot)/samples/lessons/6-monitoring.lesson\"")
        learner.type("load computers from \"\(packageRoot)/samples/data/computers.csv\" target=price")
        learner.type("filter computers into history where=\"trend <= 24\" drop=[month]")
        learner.type("filter computers into jan where=\"trend == 25\" drop=[month]")
        let undropped = learner.type("filter computers into jun where=\"trend == 30\"")
        #expect(learner.step == 0 && undropped.last?.hasPrefix("not yet: jun.columns is 11, not 10") == true, "\(undropped)")
        learner.type("skip")
        learner.type("skip")
        learner.type("monitor prices baseline=jan")
        #expect(learner.step == 2)
        learner.type("monitor prices baseline=history")
        #expect(learner.step == 3)
        learner.type("observe prices with jun")
        #expect(learner.step == 3)
        learner.type("observe prices with jan")
        #expect(learner.step == 4)
    }

    @Test func skipAfterBackDoesNotRedoTheStep() throws {
        let learner = Learner()
        learner.type("lesson \"\(packageRoot)/samples/lessons/6-monitoring.lesson\"")
        learner.type("skip")
        learner.type("skip")
        learner.type("back")
        let skipped = learner.type("skip")
        #expect(skipped.contains("✓ step 2 already done: A price model in production"), "\(skipped)")
        #expect(learner.step == 2)
        #expect(learner.type("print prices.versions") == ["1"])
    }

    @Test func theGovernanceLessonWantsTheForestItAsksFor() throws {
        let learner = Learner()
        learner.type("lesson \"\(packageRoot)/samples/lessons/3-governance.lesson\"")
        learner.type("skip")
        learner.type("train lr = logistic on train")
        let small = learner.type("train rf = forest on train trees=10 seed=7")
        #expect(learner.step == 1 && small.last?.hasPrefix("not yet: rf.param.trees is 10, not 50") == true, "\(small)")
        learner.type("train rf = forest on train trees=50 seed=7")
        #expect(learner.step == 2)
    }

    @Test func aStepDoneAheadOfTimeIsDoneAtOnce() throws {
        let folder = TemporaryDirectory()
        let learner = Learner()
        learner.type("lesson \"\(folder.write("1-iris.lesson", irisLesson()))\"")
        learner.type("load iris from \"\(packageRoot)/samples/data/iris.csv\"")
        learner.type("split iris into train, test ratio=0.8 seed=42")
        let loaded = learner.type("load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species")
        #expect(loaded.contains("✓ step 1 done: Load") && loaded.contains("✓ step 2 already done: Split"), "\(loaded)")
        #expect(learner.step == 2 && loaded.contains("── Step 3 of 3 · Train ──"))
    }

    @Test func aFileCheckCountsOnlyAFileWrittenInTheLesson() throws {
        let folder = TemporaryDirectory()
        let work = folder.write("work.mlw", "# left over from an earlier attempt\n")
        let file = folder.write("1-save.lesson", """
        # Saving

        ## Load
        task: Load iris.
        do: load iris from "\(packageRoot)/samples/data/iris.csv" target=species
        check: iris.rows == 150

        ## Save
        task: Save your work as work.mlw.
        do: save "\(work)"
        check: file "\(work)"

        ## Summary
        Saved.
        """)
        #expect(LessonSolver().solve(file).failure == nil, "a stale file must not make the check hold before the step")
        let learner = Learner()
        learner.type("lesson \"\(file)\"")
        learner.type("skip")
        #expect(learner.type("save \"\(folder.path)/other.mlw\"").last == "not yet: you have not written \(work) yet (`hint` helps; `skip` does this step for you)")
    }

    @Test func hintsComeOneAtATimeThenTheAnswer() throws {
        let folder = TemporaryDirectory()
        let learner = Learner()
        learner.type("lesson \"\(folder.write("1-iris.lesson", irisLesson()))\"")
        #expect(learner.type("hint") == ["not yet: there is nothing named `iris` yet — load it with target=species", "hint 1 of 2: first hint"])
        #expect(learner.type("hint").last == "hint 2 of 2: second hint")
        #expect(learner.type("hint").last?.hasPrefix("the answer: `load iris from") == true)
        #expect(learner.step == 0)
    }

    @Test func skipDoesTheStepBackReturnsAndQuitRestoresTheSession() throws {
        let folder = TemporaryDirectory()
        let learner = Learner()
        learner.type("load mine from \"\(packageRoot)/samples/data/wine.csv\" target=cultivar")
        learner.type("lesson \"\(folder.write("1-iris.lesson", irisLesson()))\"")
        #expect(learner.harness.session.datasets["mine"] == nil, "a lesson works in a workspace of its own")
        let skipped = learner.type("skip")
        #expect(skipped.first?.hasPrefix("» load iris from") == true && skipped.contains("✓ step 1 skipped: Load"), "\(skipped)")
        #expect(learner.type("back").first == "back to step 1; what you made stays, so doing it again moves you on")
        #expect(learner.step == 0)
        #expect(learner.harness.error("back") == "this is the first step")
        let left = learner.type("quit lesson")
        #expect(left.last?.hasPrefix("left lesson iris (at step 1 of 3)") == true, "\(left)")
        #expect(learner.harness.session.datasets["mine"] != nil && learner.harness.session.datasets["iris"] == nil)
        #expect(learner.harness.error("hint").contains("works inside a lesson"))
    }

    @Test func progressIsSavedAndTheWorkIsRebuiltOnReturn() throws {
        let folder = TemporaryDirectory()
        let file = folder.write("1-iris.lesson", irisLesson())
        let store = try Store.temporary()
        do {
            let first = Learner(store: store)
            first.type("lesson \"\(file)\"")
            first.type("load iris from \"\(packageRoot)/samples/data/iris.csv\" target=species")
            first.type("show iris rows=2")
            first.type("split iris into train, test ratio=0.8 seed=42")
        }
        let progress = try #require(try store.lessonProgress("iris", learner: Session.defaultActor))
        #expect(progress.step == 2 && progress.stepCount == 3 && progress.finishedAt == nil)
        #expect(progress.commands.count == 2, "showing commands are not replayed: \(progress.commands)")
        let again = Learner(store: store)
        let back = again.type("lesson \"\(file)\"")
        #expect(back.contains("Welcome back: your work so far is rebuilt (2 commands); you are at step 3."), "\(back)")
        #expect(again.step == 2 && again.harness.session.datasets["train"]?.frame.rowCount == 120)
        again.type("train base = baseline on train")
        #expect(try store.lessonProgress("iris", learner: Session.defaultActor)?.finishedAt != nil)
        let restarted = Learner(store: store)
        restarted.type("lesson \"\(file)\" restart=true")
        #expect(restarted.step == 0 && restarted.harness.session.datasets.isEmpty)
    }

    @Test func saveInALessonWritesTheLearnersWorkAlone() throws {
        let folder = TemporaryDirectory()
        let learner = Learner()
        learner.type("lesson \"\(folder.write("1-iris.lesson", irisLesson()))\"")
        learner.type("skip")
        learner.type("hint")
        learner.type("split iris into train, test ratio=0.8 seed=42")
        #expect(learner.type("save \"\(folder.path)/work.mlw\"").first?.hasPrefix("saved 2 commands") == true)
        let text = try String(contentsOfFile: folder.path + "/work.mlw", encoding: .utf8)
        let commands = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(commands.count == 2 && commands[0].hasPrefix("load iris") && commands[1].hasPrefix("split iris"), "\(text)")
        #expect(!text.contains("step") && !text.contains("lesson") && text.contains("#> split iris (150 rows)"), "\(text)")
    }

    @Test func theSolverTakesALessonAndNamesTheStepThatIsBroken() throws {
        let folder = TemporaryDirectory()
        let good = LessonSolver().solve(folder.write("1-iris.lesson", irisLesson()))
        #expect(good.failure == nil && good.steps == 3, "\(good.failure ?? "")")
        let wrongFile = folder.write("2-wrong.lesson", irisLesson(check: "check: test.rows == 31"))
        let wrong = LessonSolver().solve(wrongFile)
        #expect(wrong.failure == "\(wrongFile):17: step 2 \"Split\": after its `do:` lines the step is not done: test.rows is 30, not 31 — use ratio=0.8",
                "\(wrong.failure ?? "")")
        let vacuousFile = folder.write("3-vacuous.lesson", irisLesson(check: "check: iris.rows == 150"))
        let vacuous = LessonSolver().solve(vacuousFile)
        #expect(vacuous.failure?.hasPrefix("\(vacuousFile):17: step 2 \"Split\": every check holds before the step's commands run") == true,
                "\(vacuous.failure ?? "")")
    }

    @Test(arguments: [
        ("", "1: the lesson file is empty"),
        ("Iris\n", "1: a lesson starts with its title as `# Title`"),
        ("# T\n\n## Summary\ntext\n", "3: the lesson has no steps before `## Summary`"),
        ("# T\n## A\ntask: t\ndo: show x\ncheck: x.rows == 1\n", "2: a lesson ends with `## Summary`"),
        ("# T\n## A\ntask: t\ncheck: x.rows == 1\n## Summary\ns\n", "2: step \"A\": a step needs at least one `do:` line"),
        ("# T\n## A\ntask: t\ndo: show x\n## Summary\ns\n", "2: step \"A\": a step needs at least one `check:` line"),
        ("# T\n## A\ndo: show x\ncheck: x.rows == 1\n## Summary\ns\n", "2: step \"A\": a step needs a `task:` line"),
        ("# T\n## A\ntask: t\ndo: shwo x\ncheck: x.rows == 1\n## Summary\ns\n", "4: step \"A\": `do: shwo x` does not parse: unknown command `shwo` (did you mean `show`?)"),
        ("# T\n## A\ntask: t\ndo: show x\ncheck: x.rows = 1\n## Summary\ns\n", "5: step \"A\": `check: x.rows = 1`: a check reads `PATH OP VALUE`"),
        ("# T\n## A\ntask: t\ndo: show x\nchek: x.rows == 1\n## Summary\ns\n", "5: unknown key `chek:`; did you mean `check:`?"),
        ("# T\n## A\ntask: t\notherwise: no\ndo: show x\ncheck: x.rows == 1\n## Summary\ns\n", "4: step \"A\": `otherwise:` gives the hint for the `check:` just above it"),
        ("# T\ntask: t\n## A\n", "2: `task:` belongs to a step"),
        ("# T\n### A\n", "2: only `# Title` (the first line) and `## Step` headings are known"),
    ])
    func aMalformedLessonFileNamesItsLine(_ text: String, _ expected: String) throws {
        let folder = TemporaryDirectory()
        let file = folder.write("9-bad.lesson", text)
        let message = Learner().harness.error("lesson \"\(file)\"")
        #expect(message.hasPrefix("cannot start the lesson: \(file):\(expected)"), "\(message)")
    }

    @Test func lessonCommandsOutsideALessonSayWhereToStart() {
        let harness = Harness()
        for line in ["hint", "skip", "back", "quit lesson"] {
            #expect(harness.error(line) == "`\(line)` works inside a lesson")
        }
        #expect(harness.error("lesson nosuchlesson").hasPrefix("no lesson `nosuchlesson`") || harness.error("lesson nosuchlesson") == "no lessons found")
    }
}
