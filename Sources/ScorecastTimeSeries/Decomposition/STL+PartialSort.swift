extension STLEngine {
    /// Singleton's quickersort, stopped once the positions in `wanted` hold their order
    /// statistics (1-based positions of `values`, which has `count` elements).
    ///
    /// STL's robustness weights divide by six times the median absolute remainder, found by
    /// this partial sort. The netlib `stl` code that R's `stl()` calls passes the two middle
    /// positions in decreasing order (`n/2 + 1`, then `n/2`), which this algorithm assumes are
    /// increasing; for an even n the second position can then hold a value other than its
    /// order statistic, and R's weights use it. Running the same algorithm on the same wanted
    /// positions reproduces R's weights exactly; for odd n both positions are the median.
    ///
    /// Reference: R. C. Singleton, "Algorithm 347: An efficient algorithm for sorting with
    /// minimal storage", Communications of the ACM 12(3), 1969, 185–187, with the partial-sort
    /// bookkeeping of the `psort` routine in netlib's `stl` (Cleveland et al. 1990).
    static func singletonPartialSort(_ values: UnsafeMutablePointer<Double>, count: Int, wanted: [Int]) {
        guard count >= 2, !wanted.isEmpty else { return }
        // 1-based views.
        func a(_ index: Int) -> Double { values[index - 1] }
        func set(_ index: Int, _ value: Double) { values[index - 1] = value }
        var lowerStack = [Int](repeating: 0, count: 17), upperStack = [Int](repeating: 0, count: 17)
        var wantedLowerStack = [Int](repeating: 0, count: 17), wantedUpperStack = [Int](repeating: 0, count: 17)
        var firstWanted = 1, lastWanted = wanted.count
        wantedLowerStack[1] = 1
        wantedUpperStack[1] = wanted.count
        var i = 1, j = count, depth = 1
        var k = 0, l = 0, pivot = 0.0

        enum Step { case segment, pop, whileLarge, partition, scan, pushed, insertion }
        var step = Step.segment
        while true {
            switch step {
            case .segment:
                step = i < j ? .partition : .pop
            case .pop:
                depth -= 1
                if depth == 0 { return }
                i = lowerStack[depth]
                j = upperStack[depth]
                firstWanted = wantedLowerStack[depth]
                lastWanted = wantedUpperStack[depth]
                step = firstWanted <= lastWanted ? .whileLarge : .pop
            case .whileLarge:
                step = j - i > 10 ? .partition : .insertion
            case .partition:
                // Median of three at i, (i + j) / 2, j as the pivot.
                k = i
                let middle = (i + j) / 2
                pivot = a(middle)
                if a(i) > pivot {
                    set(middle, a(i))
                    set(i, pivot)
                    pivot = a(middle)
                }
                l = j
                if a(j) < pivot {
                    set(middle, a(j))
                    set(j, pivot)
                    pivot = a(middle)
                    if a(i) > pivot {
                        set(middle, a(i))
                        set(i, pivot)
                        pivot = a(middle)
                    }
                }
                step = .scan
            case .scan:
                l -= 1
                if a(l) <= pivot {
                    let held = a(l)
                    repeat { k += 1 } while !(a(k) >= pivot)
                    if k > l {
                        step = .pushed
                        continue
                    }
                    set(l, a(k))
                    set(k, held)
                }
            case .pushed:
                // Push the larger part, keep working on the smaller; drop wanted positions outside it.
                wantedLowerStack[depth] = firstWanted
                wantedUpperStack[depth] = lastWanted
                let pushed = depth
                depth += 1
                if l - i <= j - k {
                    lowerStack[pushed] = k
                    upperStack[pushed] = j
                    j = l
                    while true {
                        if firstWanted > lastWanted { break }
                        if wanted[lastWanted - 1] > j {
                            lastWanted -= 1
                            continue
                        }
                        wantedLowerStack[pushed] = lastWanted + 1
                        break
                    }
                } else {
                    lowerStack[pushed] = i
                    upperStack[pushed] = l
                    i = k
                    while true {
                        if firstWanted > lastWanted { break }
                        if wanted[firstWanted - 1] < i {
                            firstWanted += 1
                            continue
                        }
                        wantedUpperStack[pushed] = firstWanted - 1
                        break
                    }
                }
                step = firstWanted > lastWanted ? .pop : .whileLarge
            case .insertion:
                // Straight insertion on a short segment; the value before it is a sentinel.
                guard i != 1 else {
                    step = .segment
                    continue
                }
                i -= 1
                while true {
                    i += 1
                    if i == j { break }
                    let value = a(i + 1)
                    if a(i) > value {
                        var position = i
                        repeat {
                            set(position + 1, a(position))
                            position -= 1
                        } while !(value >= a(position))
                        set(position + 1, value)
                    }
                }
                step = .pop
            }
        }
    }
}
