% Issue 13, "Wrong values": each row's reproducer, with Octave's answers.
Z = [1 2; 3 4]; max(Z, [], 3)
min(Z, [], 3)
[m, i] = min(Z, [], 3)
any([0 1; 2 0], 3)
all([0 1; 2 3], 3)
X = [1 2; 3 4]; X(X == 9) = []
X([]) = []
X(false(2)) = []
X([], :) = []
repmat('ab', 1, 3)
disp(repmat('=', 1, 20))
L = [1 2 3] > 1; L'
L(1, :)
L(:)
repmat(L, 1, 2)
y = L; y(1) = true
islogical(y), islogical(L'), islogical(L(:)), islogical(repmat(L, 1, 2))
all(zeros(0, 3))
any(zeros(0, 3))
max(zeros(0, 3))
min(zeros(0, 3))
rem(5, 0)
rem(-1, 0)
rem([5 -5], 3)
mat2str([true false])
mat2str([true; false])
strcat('a ', 'b')
strcat('x', 'y ', 'z')
for k = 1:0, end; k
for k = zeros(0, 3), end; k
