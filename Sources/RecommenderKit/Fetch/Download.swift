import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads one URL into memory with URLSession, reporting bytes as they arrive.
enum Download {
    /// The body of `url`; throws on a network error, a timeout or a non-2xx status.
    static func data(from url: URL, timeout: TimeInterval, maxBytes: Int64 = 2 << 30,
                     progress: @escaping (FetchEvent) -> Void) throws -> Data {
        let delegate = Receiver(maxBytes: maxBytes, progress: progress)
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = max(timeout, 600)
        let session = URLSession(configuration: config, delegate: delegate, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: url)
        task.resume()
        delegate.finished.wait()
        if let e = delegate.failure { throw DataError(file: url.absoluteString, "download failed: \(e)") }
        return delegate.body
    }

    private final class Receiver: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let finished = DispatchSemaphore(value: 0)
        let maxBytes: Int64
        let progress: (FetchEvent) -> Void
        var body = Data()
        var total: Int64?
        var failure: String?

        init(maxBytes: Int64, progress: @escaping (FetchEvent) -> Void) {
            self.maxBytes = maxBytes
            self.progress = progress
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
            if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
                failure = "HTTP status \(http.statusCode)"
                completionHandler(.cancel)
                return
            }
            total = response.expectedContentLength > 0 ? response.expectedContentLength : nil
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            body.append(data)
            if Int64(body.count) > maxBytes {
                failure = "more than \(maxBytes) bytes"
                dataTask.cancel()
                return
            }
            progress(.bytes(received: Int64(body.count), total: total))
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            if let e = error, failure == nil { failure = e.localizedDescription }
            finished.signal()
        }
    }
}
