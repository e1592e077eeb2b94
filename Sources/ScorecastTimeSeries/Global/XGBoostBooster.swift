import CXGBoost
import Foundation

/// An error reported by the XGBoost library: the call that failed and XGBoost's own message.
public struct XGBoostError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The C API function that returned an error.
    public var call: String
    /// `XGBGetLastError()` at that moment.
    public var message: String

    public var description: String { "XGBoost \(call) failed: \(message)" }

    /// Throws an ``XGBoostError`` when `status` (a C API return value) is not 0.
    static func check(_ status: Int32, _ call: String) throws(XGBoostError) {
        guard status != 0 else { return }
        let message = XGBGetLastError().map { String(cString: $0) } ?? "no message"
        throw XGBoostError(call: call, message: message.split(separator: "\n").first.map(String.init) ?? message)
    }
}

/// A dense matrix of features handed to XGBoost (a `DMatrix`), with optional labels.
///
/// Rows are `Float` (XGBoost's storage type); `Float.nan` marks a missing feature, which the
/// trees route by the learned default direction (Chen and Guestrin 2016, §3.4).
final class XGBoostMatrix {
    let handle: DMatrixHandle
    let rows: Int

    /// A matrix of `rows` × `columns` values, row-major, with `labels` (one per row) when given.
    init(values: [Float], rows: Int, columns: Int, labels: [Float]? = nil) throws(XGBoostError) {
        precondition(values.count == rows * columns, "A \(rows) × \(columns) matrix needs \(rows * columns) values")
        var handle: DMatrixHandle?
        try XGBoostError.check(XGDMatrixCreateFromMat(values, UInt64(rows), UInt64(columns), Float.nan, &handle), "XGDMatrixCreateFromMat")
        self.handle = handle!
        self.rows = rows
        if let labels {
            precondition(labels.count == rows, "One label per row")
            try XGBoostError.check(XGDMatrixSetFloatInfo(self.handle, "label", labels, UInt64(rows)), "XGDMatrixSetFloatInfo")
        }
    }

    deinit { XGDMatrixFree(handle) }
}

/// One XGBoost booster: trained from a matrix with labels, or read back from XGBoost's JSON.
///
/// The booster is owned by this object and freed with it. Training and prediction run on
/// `nthread` threads as set in its parameters; with a fixed `seed` and one thread the trees,
/// and so every prediction, are the same on every run.
///
/// Reference: T. Chen and C. Guestrin, "XGBoost: A Scalable Tree Boosting System", KDD 2016;
/// the C API as declared in `xgboost/c_api.h` (XGBoost 1.7), whose `XGBoosterUpdateOneIter`
/// loop is what the Python package's `xgboost.train` runs.
final class XGBoostBooster: @unchecked Sendable {
    // @unchecked: after training or loading the handle is only used to predict, under
    // `lock` (XGBoost 1.7 keeps a prediction cache per booster, so calls are serialised).
    private let handle: BoosterHandle
    private let lock = NSLock()

    private init(handle: BoosterHandle) {
        self.handle = handle
    }

    deinit { XGBoosterFree(handle) }

    /// Trains `rounds` boosting rounds on `matrix` (which must carry labels) with `parameters`
    /// (XGBoost's names and values, set in the order given).
    static func train(on matrix: XGBoostMatrix, parameters: [(String, String)], rounds: Int) throws(XGBoostError) -> XGBoostBooster {
        var handle: BoosterHandle?
        var matrices: [DMatrixHandle?] = [matrix.handle]
        try XGBoostError.check(XGBoosterCreate(&matrices, 1, &handle), "XGBoosterCreate")
        let booster = XGBoostBooster(handle: handle!)
        for (name, value) in parameters {
            try XGBoostError.check(XGBoosterSetParam(booster.handle, name, value), "XGBoosterSetParam(\(name))")
        }
        for round in 0..<rounds {
            try XGBoostError.check(XGBoosterUpdateOneIter(booster.handle, Int32(round), matrix.handle), "XGBoosterUpdateOneIter")
        }
        return booster
    }

    /// The booster saved in XGBoost's own JSON model format (`XGBoosterSaveModelToBuffer`).
    func jsonModel() throws(XGBoostError) -> [UInt8] {
        var length: UInt64 = 0
        var pointer: UnsafePointer<CChar>?
        try XGBoostError.check(XGBoosterSaveModelToBuffer(handle, #"{"format": "json"}"#, &length, &pointer), "XGBoosterSaveModelToBuffer")
        return pointer!.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    /// A booster read from XGBoost's JSON model format, predicting on `threads` threads.
    static func load(jsonModel bytes: [UInt8], threads: Int) throws(XGBoostError) -> XGBoostBooster {
        var handle: BoosterHandle?
        var matrices: [DMatrixHandle?] = []
        try XGBoostError.check(XGBoosterCreate(&matrices, 0, &handle), "XGBoosterCreate")
        let booster = XGBoostBooster(handle: handle!)
        try XGBoostError.check(XGBoosterLoadModelFromBuffer(booster.handle, bytes, UInt64(bytes.count)), "XGBoosterLoadModelFromBuffer")
        try XGBoostError.check(XGBoosterSetParam(booster.handle, "nthread", String(threads)), "XGBoosterSetParam(nthread)")
        return booster
    }

    /// The booster's predictions for every row of `matrix`.
    func predict(_ matrix: XGBoostMatrix) throws(XGBoostError) -> [Float] {
        lock.lock()
        defer { lock.unlock() }
        var length: UInt64 = 0
        var result: UnsafePointer<Float>?
        try XGBoostError.check(XGBoosterPredict(handle, matrix.handle, 0, 0, 0, &length, &result), "XGBoosterPredict")
        precondition(Int(length) == matrix.rows, "One prediction per row")
        return Array(UnsafeBufferPointer(start: result, count: Int(length)))
    }
}
