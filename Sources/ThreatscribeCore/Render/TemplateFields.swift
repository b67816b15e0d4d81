import Foundation
import Mustache

/// A view's `TemplateFields`, prepared once and read by every template format of a report, also
/// concurrently: nothing changes it after preparation.
struct PreparedView: @unchecked Sendable {
    let fields: Any

    init(_ view: Any) { fields = TemplateFields.prepared(view) }
}

/// A view value as the templates see it, with its fields in a dictionary.
///
/// swift-mustache looks `{{name}}` up on a plain struct by reflecting the whole struct on every
/// lookup (over half the rendering time of a large report). `prepared(_:)` reflects each view
/// struct once, recursively, so any field a view struct has — including fields added later — is
/// found by a dictionary lookup, with the same result as the reflection lookup.
struct TemplateFields: MustacheParent, CustomStringConvertible {
    /// The struct these fields were read from.
    let original: Any
    /// Its stored properties by label, values prepared; an absent optional has no entry, so a
    /// lookup climbs the context stack exactly as when reflection finds `nil`.
    let fields: [String: Any]

    func child(named name: String) -> Any? { fields[name] }

    /// What `{{.}}` shows: the struct's own text, unchanged by the preparation.
    var description: String { String(describing: original) }

    /// `value` ready for rendering: plain structs (and arrays of them) become `TemplateFields`;
    /// values the template engine treats specially — strings, numbers, Booleans, `Prose`, `Code`,
    /// anything conforming to a Mustache protocol or `CustomStringConvertible`, enums, classes,
    /// sets and dictionaries — are kept as they are (still correct, looked up by reflection).
    static func prepared(_ value: Any) -> Any {
        switch kinds.kind(of: value) {
        case .optional:
            // Only reached for a top-level or array-element optional; fields drop `nil` themselves.
            guard let wrapped = Mirror(reflecting: value).children.first?.value else { return value }
            return prepared(wrapped)
        case .collection:
            // Arrays of strings or numbers keep their element type (the `sorted` transform needs it).
            guard let array = value as? [Any], array.contains(where: needsPreparation) else { return value }
            return array.map(prepared)
        case .keptAsIs:
            return value
        case .fields:
            var fields: [String: Any] = [:]
            for child in Mirror(reflecting: value).children {
                guard let label = child.label, fields[label] == nil else { continue }
                if kinds.kind(of: child.value) == .optional {
                    guard let wrapped = Mirror(reflecting: child.value).children.first?.value else { continue }
                    fields[label] = prepared(wrapped)
                } else {
                    fields[label] = prepared(child.value)
                }
            }
            return TemplateFields(original: value, fields: fields)
        }
    }

    private static func needsPreparation(_ value: Any) -> Bool {
        kinds.kind(of: value) != .keptAsIs
    }

    /// How `prepared(_:)` treats a value, which depends on its type only.
    enum Kind: Equatable {
        /// An optional: its wrapped value, prepared.
        case optional
        /// An array (a `.collection`): its elements, prepared, if any needs it.
        case collection
        /// A plain struct: its fields.
        case fields
        /// Anything else, as it is.
        case keptAsIs

        init(of value: Any) {
            switch Mirror(reflecting: value).displayStyle {
            case .optional: self = .optional
            case .collection: self = .collection
            case .struct: self = TemplateFields.isKeptAsIs(value) ? .keptAsIs : .fields
            default: self = .keptAsIs
            }
        }
    }

    /// Each type's `Kind`, worked out (by reflection and dynamic casts) once per type for the whole
    /// process rather than once per value.
    private final class Kinds: @unchecked Sendable {
        private var known: [ObjectIdentifier: Kind]
        private let lock = NSLock()

        init() {
            known = [:]
            // Arrays and optionals of them too: an array's `Kind` is always `.collection`, an optional's `.optional`.
            func add<Value>(_ type: Value.Type, _ kind: Kind) {
                known[ObjectIdentifier(type)] = kind
                known[ObjectIdentifier([Value].self)] = .collection
                known[ObjectIdentifier(Value?.self)] = .optional
            }
            for type in TemplateFields.plainViewTypes { add(type, .fields) }
            for type in TemplateFields.leafTypes { add(type, .keptAsIs) }
        }

        func kind(of value: Any) -> Kind {
            let type = ObjectIdentifier(Swift.type(of: value))
            lock.lock()
            let known = known[type]
            lock.unlock()
            if let known { return known }
            let kind = Kind(of: value)
            lock.lock()
            self.known[type] = kind
            lock.unlock()
            return kind
        }
    }

    private static let kinds = Kinds()

    /// The report's view structs, known to be plain structs that conform to none of the protocols
    /// `isKeptAsIs` asks about (`TemplateFieldsTests` checks it): their kind is known without the
    /// runtime's first-time conformance lookups, which scan every conformance in the binary. A view
    /// struct missing here is still found to be plain, by those lookups.
    static let plainViewTypes: [Any.Type] = [
        ThreatModelView.self, ExecutiveSummaryView.self, RiskView.self, ActionView.self, ComponentView.self,
        PipelineStepView.self, SettingView.self, SettingsMatrixView.self, SettingRowView.self, FindingView.self,
        VariationTableView.self, VariationRowView.self, VariationCellView.self, EvidenceView.self,
        EvidenceValueView.self, ReferenceView.self, FactView.self, EnvironmentValueView.self, ScopeView.self,
        EnvironmentView.self, OverviewView.self, FindingLinkView.self, CommandVariablesView.self,
        CommandVariableView.self, FilterBarView.self, FilterOptionView.self, FlowSectionView.self, FlowView.self,
        BoundaryView.self, OperationsView.self, ControlSectionView.self, ControlReviewView.self,
        AffectedEndpointsView.self, AffectedItemView.self, AffectedSectionView.self, RouterEndpointsView.self,
        DiagramView.self, DiagramBoxView.self, DiagramArrowView.self, DiagramLineView.self, DiagramRegionView.self,
    ]

    /// Values the views hold most, kept as they are (`TemplateFieldsTests` checks it).
    static let leafTypes: [Any.Type] = [String.self, Int.self, Bool.self, Double.self, Prose.self, Code.self]

    /// `isKeptAsIs` for a type rather than a value (for the tests of the lists above).
    static func isKeptAsIs(type: Any.Type) -> Bool {
        type is MustacheCustomRenderable.Type || type is MustacheTransformable.Type || type is MustacheParent.Type
            || type is MustacheCustomRepresentation.Type || type == MustacheLambda.self || type == MustacheTemplate.self
            || type is CustomStringConvertible.Type
    }

    static func isKeptAsIs(_ value: Any) -> Bool {
        value is MustacheCustomRenderable || value is MustacheTransformable || value is MustacheParent
            || value is MustacheCustomRepresentation || value is MustacheLambda || value is MustacheTemplate
            || value is CustomStringConvertible
    }
}
