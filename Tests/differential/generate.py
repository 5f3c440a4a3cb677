#!/usr/bin/env python3
"""Random nnl programs that Octave also runs, for differential testing (see run.py).

Every program is valid in both languages by construction: the generator tracks the shape of each
variable, so every operator gets sizes that agree and every index is in range. Statements print
their values (no `;`), so the display is compared too. It stays inside the common language: no
complex results (no sqrt/log of negatives), no hex literals, no cells or char matrices (see
INTENDED.md for the differences that are meant).

    python3 generate.py SEED  → one program on standard output
"""
import random
import sys


ELEMENTWISE = ["+", "-", ".*", "<", "<=", ">", ">=", "==", "~=", "&", "|"]


class Program:
    def __init__(self, rng):
        self.rng = rng
        self.vars = {}  # name → (rows, cols)
        self.lines = []
        self.counter = 0

    # -- values ---------------------------------------------------------------------------

    def number(self):
        r = self.rng.random()
        if r < 0.6:
            return str(self.rng.randint(-9, 9))
        if r < 0.8:
            return str(self.rng.choice([0.5, 0.25, -1.5, 2.75, 0.125, 10, 100, 1000]))
        return self.rng.choice(["pi", "e", "0.1", "-0.2", "1e-3", "12345", "1/3"])

    def literal(self, shape):
        rows, cols = shape
        body = "; ".join(" ".join(self.number() for _ in range(cols)) for _ in range(rows))
        return f"[{body}]"

    def variable(self, shape):
        names = [n for n, s in self.vars.items() if s == shape]
        return self.rng.choice(names) if names else None

    def expr(self, shape, depth=0):
        rng = self.rng
        rows, cols = shape
        if depth > 2 or rng.random() < 0.25:
            v = self.variable(shape)
            if v and rng.random() < 0.7:
                return v
            if shape == (1, 1):
                return self.number()
            return self.literal(shape)
        sub = lambda s=shape: self.expr(s, depth + 1)  # noqa: E731
        choice = rng.randrange(14)
        if choice <= 2:
            # Element-wise operators, comparisons and logic between values of one shape.
            return f"({sub()} {rng.choice(ELEMENTWISE)} {sub()})"
        if choice == 3:
            return f"({sub()} {rng.choice(['+', '-', '*', '.*'])} {self.expr((1, 1), depth + 1)})"
        if choice == 4:
            k = rng.randint(1, 4)
            return f"({self.expr((rows, k), depth + 1)} * {self.expr((k, cols), depth + 1)})"
        if choice == 5:
            return f"{self.expr((cols, rows), depth + 1)}'"
        if choice == 6:
            return f"{rng.choice(['abs', 'floor', 'ceil', 'round', 'fix', 'sign', '-'])}({sub()})"
        if choice == 7:
            # Octave's mod and rem refuse logical arguments; `0 + ...` makes them numbers.
            return f"{rng.choice(['mod', 'rem', 'max', 'min'])}(0 + {sub()}, {rng.choice(['3', '-4', '2.5', '0 + ' + sub()])})"
        if choice == 8:
            return self.reduction(shape, depth)
        if choice == 9:
            return rng.choice([f"{sub()}.^{rng.choice(['2', '3', '0'])}", f"({sub()} ./ (abs({sub()}) + 1))"])
        if choice == 10 and cols > 1:
            k = rng.randint(1, cols - 1)
            return f"[{self.expr((rows, k), depth + 1)}, {self.expr((rows, cols - k), depth + 1)}]"
        if choice == 11 and rows > 1:
            k = rng.randint(1, rows - 1)
            return f"[{self.expr((k, cols), depth + 1)}; {self.expr((rows - k, cols), depth + 1)}]"
        if choice == 12 and rows * cols > 1:
            return f"reshape({self.expr((cols, rows), depth + 1)}, {rows}, {cols})"
        if choice == 13 and rows % 2 == 0:
            return f"repmat({self.expr((rows // 2, cols), depth + 1)}, 2, 1)"
        if shape == (1, 1):
            return self.number()
        return self.literal(shape)

    def reduction(self, shape, depth):
        """A value of `shape` made by reducing a larger one along a dimension, or a running sum."""
        rows, cols = shape
        n = self.rng.randint(1, 4)
        f = self.rng.choice(["sum", "prod", "mean", "any", "all", "cumsum"])
        if f != "cumsum" and rows == 1:
            return f"{f}({self.expr((n, cols), depth + 1)}, 1)"
        if f != "cumsum" and cols == 1:
            return f"{f}({self.expr((rows, n), depth + 1)}, 2)"
        return f"cumsum({self.expr(shape, depth + 1)}, {self.rng.choice([1, 2])})"

    # -- statements -----------------------------------------------------------------------

    def fresh(self):
        self.counter += 1
        return f"{self.rng.choice('ABCXYZ')}{self.counter}"

    def shape(self):
        return (self.rng.randint(1, 4), self.rng.randint(1, 5))

    def statement(self):
        rng = self.rng
        kind = rng.randrange(30)
        if kind <= 4 or not self.vars:
            name, shape = self.fresh(), self.shape()
            self.lines.append(f"{name} = {self.expr(shape)}")
            self.vars[name] = shape
            return
        name = rng.choice(list(self.vars))
        rows, cols = self.vars[name]
        if kind == 5:
            i, j = rng.randint(1, rows + 1), rng.randint(1, cols + 1)
            self.lines.append(f"{name}({i}, {j}) = {self.number()}")
            self.vars[name] = (max(rows, i), max(cols, j))
        elif kind == 6:
            f = rng.choice(["sum", "prod", "max", "min", "mean", "any", "all", "cumsum", "numel", "size", "isempty"])
            self.lines.append(f"{f}({name})")
        elif kind == 7:
            idx = rng.choice([f"{rng.randint(1, rows)}, :", f":, {rng.randint(1, cols)}", ":", "end",
                              f"{name} > 0", f"[1 {rows}], end", f"{rng.randint(1, rows * cols)}"])
            self.lines.append(f"{name}({idx})")
        elif kind == 8 and cols > 1:
            self.lines.append(f"{name}(:, {rng.randint(1, cols)}) = []")
            self.vars[name] = (rows, cols - 1)
        elif kind == 9:
            f = rng.choice(["disp({})", "mat2str({})", "num2str({}(1, :))", "printf('%g\\n', {})", "printf('%5.2f|', {}); printf('\\n')",
                            "sprintf('%d,', {})", "int2str({}(1, :))", "find({} > 0)'", "sort({}(:))'", "fliplr({})",
                            "numel(find({}))", "length({})", "trace({}' * {})"])
            self.lines.append(f.replace("{}", name))
        elif kind == 10:
            n = rng.randint(0, 4)
            self.lines.append(f"s = 0; for k = 1:{n}, s = s + k * {name}(1); end; s")
        elif kind == 11:
            self.lines.append(f"if any({name}(:) > 2), t = 1, elseif all({name}(:) < 0), t = 2, else, t = 3, end")
        elif kind == 12:
            f = rng.choice(["[m, i] = max({}, [], 2)", "[m, i] = min({})", "[r, c] = size({})", "[v, k] = sort({}, 2, 'descend')"])
            self.lines.append(f.replace("{}", name))
        elif kind == 13:
            op = rng.choice(["+=", "-=", "*="])
            self.lines.append(f"{name} {op} {self.number()}")
        elif kind == 14:
            # Masks: assignment through a comparison, and selections that may be empty.
            self.lines.append(rng.choice([f"{name}({name} < 0) = 0", f"{name}({name} > 100)", f"{name}(~({name} > 1))'",
                                          f"{name}({name} == {name}) = []", f"{name}(logical(mod(0 + {name}, 2)))"]))
            if "= []" in self.lines[-1]:
                self.vars[name] = (1, 0) if rows == 1 else (0, 1) if cols == 1 else (0, 1)
                del self.vars[name]
        elif kind == 15:
            self.lines.append(rng.choice([
                f"x = num2str({name}(1))", f"s = sprintf('%d items, %.3f each', numel({name}), {name}(1))",
                f"strcat('W', num2str({rng.randint(1, 9)}), ' ')", f"upper('relu'), lower('TanH')",
                f"t = ['cost: ', num2str({name}(end))]", f"repmat('-', 1, {rng.randint(0, 6)})", "'a':'f'",
                f"mat2str({name} > 0)", f"strrep('W1 b1', '1', '{rng.randint(2, 9)}')", f"length('hello'), double('AZ')"]))
        elif kind == 16:
            self.lines.append(rng.choice([f"[s, k] = sort({name}(:)')", f"[s, k] = sort({name}, 'descend')",
                                          f"[r, c] = find({name} > 0)", f"find({name}, 2)", f"{name}(end:-1:1)",
                                          f"{name}(end, end)", f"{name}(:, end)'", f"numel({name}(:, 1:end-1))"]))
        elif kind == 17:
            self.lines.append(rng.choice(["1 ./ [0 -0 2]", "[0 1] ./ 0", "[NaN 1 Inf] * 2", "max([NaN 2 1])",
                                          "min([NaN NaN])", "x = 1e5 * [1 2.5]", "x = [1e-5 1]", "x = [1e6 -1]",
                                          "-0", "x = [1 -0]", "abs(-0)", "sum([])", "prod([])", "max([])", "mean([1 2; 3 4])",
                                          "10:-3:1", "[0:0.25:1]", "(1:0)'", "size(zeros(3, 0))", "isempty(zeros(0, 3))"]))
        elif kind == 18:
            n = rng.randint(0, 3)
            self.lines.append(f"k = 0; while k < {n}, k = k + 1; end, k")
        elif kind == 19:
            self.lines.append(f"for col = {name}, disp(col'), end")
        elif kind == 20:
            self.lines.append(rng.choice([f"L = {name} > 0", f"L = ~{name}", f"L = xor({name} > 0, {name} < 2)",
                                          f"L = any({name}), class(L)", f"L = ({name} > 0)'; islogical(L)",
                                          f"L = true(2) & [1 0; 0 1]", f"L = {name}(1) > 0 || {name}(1) < -3"]))
        elif kind == 22:
            # Wide values: Octave splits them into column blocks at 80 characters.
            n = rng.randint(8, 30)
            self.lines.append(rng.choice([f"w = (1:{n}) * {self.number()}", f"w = (1:{n})' * (1:3) / 7",
                                          f"w = repmat({name}(1, :), 2, {rng.randint(2, 6)}) * 1000",
                                          f"w = [1:{n}] .^ 3", f"w = -(1:{n}) / 3"]))
        elif kind == 23:
            self.lines.append(rng.choice([
                f"disp({name}(1))", "disp('done')", f"num2str(pi, {rng.randint(2, 10)})", f"num2str({name}(1), '%8.3f')",
                f"mat2str({name}, {rng.randint(2, 6)})", f"sprintf('%s=%d;', 'ab', {rng.randint(0, 99)})",
                f"sprintf('%6.2e ', {name})", f"fprintf('%d %d\\n', [1 2; 3 4])", f"printf('[%5s]\\n', 'ab')",
                f"num2str([{self.number()} {self.number()}])", f"int2str(2.5), int2str(-2.5), round(-2.5)"]))
        elif kind == 24:
            self.lines.append(self.struct_statement(name))
        elif kind == 25:
            self.lines.append(self.text_statement())
        elif kind == 26:
            self.lines.append(self.extreme_display())
        elif kind == 27:
            self.lines.append(self.switch_statement(name))
        elif kind == 28:
            # Index assignment needs equal counts only; deleting leaves Octave's empty shapes.
            self.lines.append(rng.choice([f"{name}(:) = {self.expr((cols, rows))}", f"{name}(1:{rows * cols}) = {self.expr((cols * rows, 1))}",
                                          f"D = {name}; D(:, :) = []", f"D = {name}; D(1, :) = []", f"D = {name}; D(:) = []",
                                          f"D = {name}; D(:, 1:end) = []", f"D = {name}; D([], 1) = []"]))
        elif kind == 29:
            self.lines.append(rng.choice([f"find({name} ~= 0, 1, 'last')", f"find({name}, 2, 'first')'", f"[r, c, d] = size({name})",
                                          f"any([NaN {self.number()}])", "all([NaN 1])", f"any({name}(1) * [NaN 0; 0 1])",
                                          "[1:Inf:5]", "func2str(@sin)", "f = @max; [m, i] = f([3 1 4])",
                                          f"[{name}; zeros(0, {cols})]", f"[{name}, ones({rows}, 0)]", f"[zeros(1, 0); {name}]"]))
        else:
            i = rng.randint(1, rows * cols + 2)
            if rows == 1 or cols == 1:
                self.lines.append(f"{name}({i}) = {self.number()}")
                n = max(rows * cols, i)
                self.vars[name] = (1, n) if rows == 1 else (n, 1)
            else:
                self.lines.append(f"{name}({rng.randint(1, rows * cols)}) = {self.number()}")

    WORDS = ["hello", "relu", "tanh", "sigmoid", "W1", "cost", "abc", "zebra"]

    def struct_statement(self, name):
        """Structs: fields keep the order of their first assignment; dynamic names; get/set/rm."""
        rng = self.rng
        k = rng.randint(1, 3)
        return rng.choice([
            f"p = struct(); p.W{k} = {name}; p.b{k} = {self.number()}; p.W{k} = {self.number()}; p",
            f"q.a = {self.number()}; q.b = '{rng.choice(self.WORDS)}'; q.a = {name}; q",
            f"p = struct(); for l = 1:{k}, p.(['W' num2str(l)]) = l * {self.number()}; end, p",
            f"p = struct('x', {self.number()}, 'y', {name}); p.('x') = 7; getfield(p, 'x'), isfield(p, 'y')",
            f"p = setfield(struct(), 'c', {self.number()}); p.d = 1; p = rmfield(p, 'c')",
            f"su.u = [1e-46 1]; su.v = {self.number()}; su",
        ])

    def text_statement(self):
        """Text stays text: sorted, flipped, deleted from and assigned into."""
        rng = self.rng
        w = rng.choice(self.WORDS)
        i = rng.randint(1, len(w))
        return rng.choice([f"sort('{w}')", f"fliplr('{w}')", f"t = '{w}'; t({i}) = []", f"t = '{w}'; t({i}) = 65",
                           f"t = '{w}'; t([1 end]) = 'XY'", f"[s, k] = sort('{w}', 'descend')", f"t = '{w}'; t(:, {i}) = []",
                           f"t = '{w}'; t(end:-1:1)", f"t = '{w}'; t({i}) = 'Q'", f"x = 'ab'; x(2) = []; x(1) = []"])

    def extreme_display(self):
        """Tiny and huge values, alone and in matrices (one format per matrix)."""
        rng = self.rng
        a, b = rng.randint(20, 300), rng.randint(1, 300)
        return rng.choice([f"x = exp(-[{a} {b}])", f"x = [-1e-{a} 1e-{a}]", f"x = [1e-{a} 1]", f"x = [1e{a} 1]",
                           f"x = [1e-{a}; {self.number()}]", f"x = 1e-{a}", f"x = [0 1e-{a}]", f"x = [1e{min(a, 300)} -1e-{b}]",
                           f"x = [{self.number()} 1e-{a} 3]", f"x = 2.5e-{a} * [1 2]", f"x = [1e5 1e-5]", f"x = [Inf 1e-{a}]"])

    def switch_statement(self, name):
        rng = self.rng
        w = rng.choice(self.WORDS)
        return rng.choice([
            f"switch {name}(1) > 0, case 1, r = 'positive', otherwise, r = 'not', end",
            f"switch '{w}', case {{'relu', 'tanh'}}, r = 1, case 'hello', r = 2, otherwise, r = 3, end",
            f"switch round({name}(end)), case {{1, 2, 3}}, r = 'small', case 0, r = 'zero', otherwise, r = 'other', end",
            f"switch [1 2], case [1 2], r = 1, otherwise, r = 0, end",
            f"switch 'a', case 97, r = 1, otherwise, r = 0, end",
        ])

    def build(self, n):
        for _ in range(n):
            self.statement()
        return "\n".join(self.lines) + "\n"


def program(seed, statements=30):
    return Program(random.Random(seed)).build(statements)


if __name__ == "__main__":
    sys.stdout.write(program(int(sys.argv[1])))
