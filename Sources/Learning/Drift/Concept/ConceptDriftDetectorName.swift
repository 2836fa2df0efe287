/// The concept-drift detectors by name, as a command spells them (`detector=adwin`), with a
/// line of help, River's default parameters as text, and a new detector of the kind.
///
/// ```swift
/// let name = ConceptDriftDetectorName(rawValue: "adwin")!
/// name.summary       // "adaptive window: drift when an older and a newer part of it differ in mean"
/// name.defaults      // "delta=0.002, clock=32, max_buckets=5, min_window_length=5, grace_period=10"
/// let positions = try conceptDriftPositions(in: values, detector: name.makeDetector())
/// ```
public enum ConceptDriftDetectorName: String, CaseIterable, Sendable, Codable {
    /// The Drift Detection Method, on errors (`DDM`).
    case ddm
    /// The Early Drift Detection Method, on errors (`EDDM`).
    case eddm
    /// Adaptive Windowing, on any numbers (`ADWIN`).
    case adwin
    /// The Page-Hinkley test, on any numbers (`PageHinkley`).
    case pagehinkley

    /// River's class name: `DDM`, `EDDM`, `ADWIN`, `PageHinkley`.
    public var displayName: String {
        switch self {
        case .ddm: "DDM"
        case .eddm: "EDDM"
        case .adwin: "ADWIN"
        case .pagehinkley: "PageHinkley"
        }
    }

    /// One line for `help`.
    public var summary: String {
        switch self {
        case .ddm:
            "drift detection method: drift when the error rate rises well above its lowest level (errors 0/1)"
        case .eddm:
            "early drift detection method: drift when errors come markedly closer together (errors 0/1)"
        case .adwin:
            "adaptive window: drift when an older and a newer part of it differ in mean"
        case .pagehinkley:
            "Page-Hinkley test: drift when values move persistently away from their running mean"
        }
    }

    /// River's default parameters, by River's names, as `name=value` pairs; read from the
    /// detectors' own defaults.
    public var defaults: String {
        func text(_ pairs: [(String, String)]) -> String { pairs.map { "\($0)=\($1)" }.joined(separator: ", ") }
        func number(_ value: Double) -> String { formatNumber(value) }
        switch self {
        case .ddm:
            let ddm = DDM()
            return text([("warm_start", String(ddm.warmStart)), ("warning_threshold", number(ddm.warningThreshold)),
                         ("drift_threshold", number(ddm.driftThreshold))])
        case .eddm:
            let eddm = EDDM()
            return text([("warm_start", String(eddm.warmStart)), ("alpha", number(eddm.alpha)),
                         ("beta", number(eddm.beta))])
        case .adwin:
            let adwin = ADWIN()
            return text([("delta", number(adwin.delta)), ("clock", String(adwin.clock)),
                         ("max_buckets", String(adwin.maxBuckets)), ("min_window_length", String(adwin.minWindowLength)),
                         ("grace_period", String(adwin.gracePeriod))])
        case .pagehinkley:
            let ph = PageHinkley()
            return text([("min_instances", String(ph.minInstances)), ("delta", number(ph.delta)),
                         ("threshold", number(ph.threshold)), ("alpha", number(ph.alpha)), ("mode", ph.mode.rawValue)])
        }
    }

    /// Whether the detector reads errors (1 wrong, 0 right) rather than any numbers.
    public var readsErrors: Bool {
        switch self {
        case .ddm, .eddm: true
        case .adwin, .pagehinkley: false
        }
    }

    /// A new detector of this kind with River's default parameters.
    public func makeDetector() -> any ConceptDriftDetector {
        switch self {
        case .ddm: DDM()
        case .eddm: EDDM()
        case .adwin: ADWIN()
        case .pagehinkley: PageHinkley()
        }
    }
}
