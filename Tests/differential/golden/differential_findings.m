% What the differential runs against Octave found, kept as tests (Octave's output).
a = [1.00000005 2]
b = [1.0000002 2]
c = [-9.9 -11.5 -8] * 100
d = 990.0000000000001
s = 5; size(s(false)), size(s([])), size(s(zeros(1, 0))), size(s([1; 1]))
r = [1 2 3]; size(r(logical([0 0 0]))), size(r([])), size(r(zeros(0, 1))), size(r(logical([1; 0; 1])))
M = magic(3); size(M(logical([1 0 1]))), size(M(false(3))), size(M(zeros(1, 0)))
L = [1 0 1] > 0; M2 = [L; L]; max(M2, [], 2)
class(min(L)), class(max(L, L)), class(sort(L)), class(fliplr(L))
for col = [L; L], disp(col'), end
mod(-8, -4), mod(5, -3), rem(-8, 4), rem(5, -3), mod(0.3, 0.1), rem(-0.5, 0.25)
x = 1 ./ [mod(-8, -4) mod(8, -4) rem(-8, 4) rem(8, -4) mod(8, 4)]
find(0), find([0 0]), find([0; 0]), find(zeros(2))
flipud([1; 2; 3])'
trace(magic(4))
A = magic(3); A(A > 5) = []
A = magic(3); A(2:3) = []
A = magic(3); A(logical([1 1 0 0 0 0 0 0 0])) = []
A = magic(3); A(:) = []
A = [1; 2; 3]; A([true false true]) = []
