import Hummingbird

/// Turns every error into a JSON `{"error": "..."}` response: a `ServingError` as it says, an unknown
/// route as 404, a known route with the wrong method as 405.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Each route and the one method it answers.
    static var routes: [(pattern: [String], method: HTTPRequest.Method)] {
        [(["ping"], .get), (["health"], .get), (["version"], .get), (["models"], .get), (["metrics"], .get),
         (["invocations"], .post), (["models", "*", "invocations"], .post),
         (["models", "*", "deploy"], .post), (["models", "*", "rollback"], .post)]
    }

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServingError {
            return JSONResponse.error(error.status, error.message)
        } catch let error as HTTPError {
            guard error.status == .notFound else {
                return JSONResponse.error(error.status, error.body ?? error.status.reasonPhrase)
            }
            let segments = request.uri.path.split(separator: "/").map(String.init)
            if let route = Self.routes.first(where: { matches(segments, $0.pattern) }) {
                return JSONResponse.error(.methodNotAllowed, "\(request.uri.path) answers \(route.method.rawValue) only, not \(request.method.rawValue)",
                                          headers: [.allow: route.method.rawValue])
            }
            return JSONResponse.error(.notFound, "no route \(request.method.rawValue) \(request.uri.path); "
                                      + "routes: GET /ping, /health, /version, /models, /metrics; "
                                      + "POST /invocations, /models/NAME/invocations, /models/NAME/deploy, /models/NAME/rollback")
        } catch {
            return JSONResponse.error(.internalServerError, "internal error: \(error)")
        }
    }

    private func matches(_ segments: [String], _ pattern: [String]) -> Bool {
        segments.count == pattern.count && zip(segments, pattern).allSatisfy { $1 == "*" || $0 == $1 }
    }
}
