import Store

/// The HTTP endpoint a session can start (`serve`) and talk to (`send`, `traffic`). The engine knows only this
/// protocol; the front end that owns the process gives the real server (`Session.endpoint`).
public protocol EndpointHost: AnyObject {
    /// Where the endpoint listens (`http://127.0.0.1:8080`), nil until it started.
    var baseURL: String? { get }
    /// Starts serving the store's deployed models in the background; returns the bound port.
    func start(host: String, port: Int, store: Store) throws -> Int
    /// Picks up registry and deployment changes now (the server also looks by itself, twice a second).
    func refresh() throws
    /// Writes the captured requests still buffered, and finishes pending shadow scoring.
    func flush() throws
    /// POSTs each body to `url` over one keep-alive connection; the replies in order.
    func post(_ bodies: [[UInt8]], to url: String, contentType: String) throws -> [HTTPReply]
    /// What the running endpoint saw for `model` since it started, or nil when it does not serve it.
    func traffic(_ model: String) -> EndpointTraffic?
    /// Stops serving (captures are flushed first); the session's end calls it.
    func stop()
}

/// An HTTP status and body.
public struct HTTPReply: Sendable {
    public var status: Int
    public var body: [UInt8]
    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// Requests, errors, latency and predictions per served version of one model.
public struct EndpointTraffic: Sendable {
    public struct Version: Sendable {
        public var version: Int
        /// `production`, `candidate` or `shadow`.
        public var role: String
        public var requests: Int
        public var errors: Int
        /// Seconds, over the most recent requests; nil before any.
        public var p50: Double?
        public var p99: Double?
        /// Predicted classes and how often (classification).
        public var classes: [String: Int]
        public init(version: Int, role: String, requests: Int, errors: Int, p50: Double?, p99: Double?, classes: [String: Int]) {
            self.version = version
            self.role = role
            self.requests = requests
            self.errors = errors
            self.p50 = p50
            self.p99 = p99
            self.classes = classes
        }
    }

    public var model: String
    public var versions: [Version]
    /// Rows scored by both production and a shadow, and how many of those got the same prediction.
    public var shadowRows: Int
    public var shadowAgreements: Int
    public init(model: String, versions: [Version], shadowRows: Int, shadowAgreements: Int) {
        self.model = model
        self.versions = versions
        self.shadowRows = shadowRows
        self.shadowAgreements = shadowAgreements
    }
}
