import Foundation

/// Runs one job per input on `workers` threads and hands each outcome to the caller in input
/// order, as soon as it and every earlier one are done: the output of a batch is the same
/// whatever the parallelism. Workers take the largest inputs first, so that one big capture
/// found late does not leave the other cores idle while it runs alone. With one worker the
/// jobs run on the calling thread, in input order.
struct BatchRunner {
    var workers: Int
    /// How often the caller is woken while waiting (for the progress bar).
    var tick: TimeInterval = ProgressBar.redrawInterval
    /// Stack of each worker thread (decoding bounds its recursion; this leaves room).
    static let stackSize = 16 << 20

    func run<Outcome: Sendable>(
        _ inputs: [BatchInput], job: @escaping @Sendable (Int, BatchInput) -> Outcome, waiting: () -> Void = {},
        deliver: (Int, Outcome) -> Void
    ) {
        guard workers > 1, inputs.count > 1 else {
            for (index, input) in inputs.enumerated() { deliver(index, job(index, input)) }
            return
        }
        let state = BatchState<Outcome>(order: Self.claimOrder(inputs))
        for _ in 0..<min(workers, inputs.count) {
            let thread = Thread {
                while let index = state.claim() {
                    state.store(job(index, inputs[index]), at: index)
                }
            }
            thread.stackSize = Self.stackSize
            thread.start()
        }
        for index in inputs.indices {
            var outcome = state.take(index)
            while outcome == nil {
                _ = state.finished.wait(timeout: .now() + tick)
                waiting()
                outcome = state.take(index)
            }
            if let outcome { deliver(index, outcome) }
        }
    }

    /// The order workers take inputs in: largest first (the longest-processing-time rule),
    /// equal sizes in input order.
    static func claimOrder(_ inputs: [BatchInput]) -> [Int] {
        inputs.indices.sorted { a, b in
            inputs[a].size != inputs[b].size ? inputs[a].size > inputs[b].size : a < b
        }
    }
}

/// The shared state of a batch's workers: the next input to claim and the outcomes not yet
/// delivered.
private final class BatchState<Outcome: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    /// The inputs' indices in the order workers take them.
    private let order: [Int]
    private var next = 0
    private var outcomes: [Outcome?]
    /// Signalled once per finished job.
    let finished = DispatchSemaphore(value: 0)

    init(order: [Int]) {
        self.order = order
        outcomes = Array(repeating: nil, count: order.count)
    }

    /// The next input for a worker, nil when all are claimed.
    func claim() -> Int? {
        lock.withLock {
            guard next < order.count else { return nil }
            defer { next += 1 }
            return order[next]
        }
    }

    func store(_ outcome: Outcome, at index: Int) {
        lock.withLock { outcomes[index] = outcome }
        finished.signal()
    }

    /// The outcome of `index` once done (removed, so that it is delivered once).
    func take(_ index: Int) -> Outcome? {
        lock.withLock {
            let outcome = outcomes[index]
            outcomes[index] = nil
            return outcome
        }
    }
}
