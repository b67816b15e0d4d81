import Foundation

/// The route tables of one analysis, built once per distinct input (`RouteTable.Input`): a dozen
/// analyzers read the routes of every environment, and environments mostly have the same routes.
/// Equal inputs give equal tables, so sharing one changes nothing.
final class RouteTableMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var tables: [(input: RouteTable.Input, table: RouteTable)] = []

    /// The route table of `model`.
    func table(for model: ArchitectureModel) -> RouteTable {
        let input = RouteTable.Input(model)
        lock.lock()
        defer { lock.unlock() }
        if let known = tables.first(where: { $0.input == input }) { return known.table }
        let table = RouteTable(input)
        tables.append((input, table))
        return table
    }
}
