@testable import dlmscope
import Foundation
import Testing

/// The batch runner: largest inputs are taken first, outcomes are delivered in input order.
@Suite struct BatchRunnerTests {
    static func inputs(sizes: [Int]) -> [BatchInput] {
        sizes.enumerated().map { BatchInput(path: "f\($0.offset)", relativePath: "f\($0.offset)", size: $0.element) }
    }

    @Test func largestInputsAreTakenFirstAndEqualSizesInInputOrder() {
        let inputs = Self.inputs(sizes: [10, 3_000, 10, 0, 500, 3_000])
        #expect(BatchRunner.claimOrder(inputs) == [1, 5, 4, 0, 2, 3])
    }

    /// Whatever order the jobs run and finish in, each outcome reaches the caller once, in
    /// input order (the jobs take longer the smaller their input, so they finish out of order).
    @Test(arguments: [1, 2, 4])
    func outcomesAreDeliveredInInputOrder(workers: Int) {
        let inputs = Self.inputs(sizes: [1, 8, 2, 64, 4, 16, 32, 0])
        var delivered: [Int] = []
        BatchRunner(workers: workers, tick: 0.01).run(inputs, job: { index, input in
            usleep(UInt32(max(0, 70 - input.size)) * 100)
            return index
        }) { index, outcome in
            #expect(index == outcome)
            delivered.append(index)
        }
        #expect(delivered == Array(inputs.indices))
    }
}
