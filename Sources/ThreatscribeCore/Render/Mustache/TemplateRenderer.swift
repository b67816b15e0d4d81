/// Renders parsed templates over a `TemplateValue` tree with swift-mustache 2's semantics: the
/// context stack climbed by name, sections over Booleans, lists and values, inverted sections,
/// transforms, partials indented as their standalone tag, inherited blocks, and `{{x}}` escaped by
/// the template's content type.
struct TemplateRenderer {
    /// The templates partials are found in, by name.
    let templates: [String: ParsedTemplate]
    private var output: [UInt8] = []
    /// The context stack, innermost last.
    private var stack: [TemplateValue]
    /// What is left of the work one rendering may do, and why it stopped when it ran out.
    private var budget: TemplateRenderBudget

    /// What the tokens of one template or section are rendered with, besides the stack.
    private struct Context {
        var sequence: TemplateSequenceContext?
        /// Prefixed to every line a partial renders after its first (set for a standalone partial tag).
        var indentation: [UInt8]?
        /// The blocks given by `{{<parent}}` tags around, outermost first in priority.
        var blocks: [String: [TemplateToken]]?
        var escaper: TemplateEscaper = .html
    }

    /// The text of `template` rendered over `value`, or why the templates cannot render it: partials
    /// and sections nested deeper, or more tags rendered or more text written, than any report needs
    /// (templates given with `--templates` that include a partial twice at each of thirty levels would
    /// otherwise render for hours or exhaust the stack or memory).
    static func render(
        _ template: ParsedTemplate, value: TemplateValue, templates: [String: ParsedTemplate],
        budget: TemplateRenderBudget = TemplateRenderBudget()
    ) throws(TemplateRenderBudget.Exhausted) -> String {
        var renderer = TemplateRenderer(templates: templates, stack: [value], budget: budget)
        renderer.render(template.tokens, Context())
        if let exhausted = renderer.budget.exhausted { throw exhausted }
        return String(decoding: renderer.output, as: UTF8.self)
    }

    private init(templates: [String: ParsedTemplate], stack: [TemplateValue], budget: TemplateRenderBudget) {
        self.templates = templates
        self.stack = stack
        self.budget = budget
    }

    private mutating func render(_ tokens: [TemplateToken], _ initial: Context) {
        guard budget.enter(tokens: tokens.count, written: output.count) else { return }
        defer { budget.leave() }
        var context = initial
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for token in tokens { render(token, &context) }
            return
        }
        let start = output.count
        for token in tokens {
            let mark = output.count
            render(token, &context)
            // Indented when it adds text on a line that this template or section began.
            if output.count > mark, mark > start, output[mark - 1] == 0x0A, !(mark - 2 >= start && output[mark - 2] == 0x0D) {
                output.insert(contentsOf: indentation, at: mark)
            }
        }
    }

    private mutating func render(_ token: TemplateToken, _ context: inout Context) {
        switch token {
        case .text(let bytes):
            output.append(contentsOf: bytes)

        case .variable(let name, let escaped):
            guard let value = lookUp(name, context) else { return }
            let text = value.renderText ?? value.description
            output.append(contentsOf: (escaped ? context.escaper.escape(text) : text).utf8)

        case .section(let name, let tokens):
            renderSection(lookUp(name, context), tokens, context)

        case .invertedSection(let name, let tokens):
            renderInvertedSection(lookUp(name, context), tokens, context)

        case .blockExpansion(let name, let defaultTokens, let indentation):
            var inner = context
            inner.sequence = nil
            inner.indentation = (context.indentation ?? []) + indentation
            render(context.blocks?[name] ?? defaultTokens, inner)

        case .partial(let name, let indentation, let blocks, let dynamic):
            let templateName: String
            if dynamic {
                guard case .string(let named)? = lookUp(TemplateName(name, transforms: []), context) else { return }
                templateName = named
            } else {
                templateName = name
            }
            guard let template = templates[templateName] else { return }
            var inner = Context()
            inner.indentation = indentation.map { (context.indentation ?? []) + $0 } ?? context.indentation
            if let blocks {
                inner.blocks = context.blocks.map { $0.merging(blocks) { outer, _ in outer } } ?? blocks
            } else {
                inner.blocks = context.blocks
            }
            render(template.tokens, inner)

        case .contentType(let escaper):
            context.escaper = escaper

        case .blockDefinition:
            // Only inside a parent tag's blocks, never rendered in place.
            break
        }
    }

    private mutating func renderSection(_ value: TemplateValue?, _ tokens: [TemplateToken], _ context: Context) {
        guard let value else { return }
        switch value {
        case .list(let list):
            var inner = context
            let count = list.elements.count
            for (index, element) in list.elements.enumerated() {
                inner.sequence = TemplateSequenceContext(isFirst: index == 0, isLast: index == count - 1, index: index)
                stack.append(element)
                render(tokens, inner)
                stack.removeLast()
            }
        case .bool(let flag):
            if flag { render(tokens, context) }
        default:
            if value.isNull { return }
            var inner = context
            inner.sequence = nil
            stack.append(value)
            render(tokens, inner)
            stack.removeLast()
        }
    }

    private mutating func renderInvertedSection(_ value: TemplateValue?, _ tokens: [TemplateToken], _ context: Context) {
        guard let value else {
            render(tokens, context)
            return
        }
        switch value {
        case .list(let list):
            guard list.elements.isEmpty else { return }
            var inner = context
            inner.sequence = nil
            stack.append(value)
            render(tokens, inner)
            stack.removeLast()
        case .bool(let flag):
            if !flag { render(tokens, context) }
        default:
            if value.isNull { render(tokens, context) }
        }
    }

    /// The value `name` names, its transforms applied; `nil` when it is missing or a transform
    /// does not apply.
    private func lookUp(_ name: TemplateName, _ context: Context) -> TemplateValue? {
        var found: TemplateValue?
        switch name.anchor {
        case .current:
            found = stack.last
        case .sequence:
            found = context.sequence.map(TemplateValue.sequenceContext)
        case .innermost:
            found = stack.last.flatMap { $0.descendant(name.path[...]) }
        case .stack:
            if let first = name.path.first {
                for frame in stack.reversed() {
                    if let child = frame.child(named: first) {
                        found = child.descendant(name.path.dropFirst())
                        break
                    }
                }
            } else {
                found = stack.last
            }
        }
        guard var value = found else { return nil }
        for transform in name.transforms.reversed() {
            guard let transformed = value.transformed(transform) else { return nil }
            value = transformed
        }
        return value
    }
}
