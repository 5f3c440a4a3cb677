% Issue 13, "Missing": Octave's functions and syntax that the course's learners use.
[s, i] = sort([3 1 2], 'descend')
sort([3 1; 2 5])
sort([3 NaN 1 2])
[v, k] = sort([2 1 2 1])
sort([4 2 9], 2, 'descend')
find([0 1 1 1], 2)
[i, j] = find([0 1; 1 0])
[i, j, v] = find([0 7; 5 0]);  disp([i j v])
logical([2 0 -1])
class(logical(1)), class(double(true))
double('hi')
char([72 105])
xor([1 0 1 0], [1 1 0 0])
inv([2 1; 1 1])
det(magic(3))
det([1 2; 3 4])
magic(4)
magic(5)
magic(6)
strrep('W1 and b1', '1', '2')
realmax
flintmax
[1 2; 3 4]^-1
[2 1; 1 1]^-2
[1 2; 3 4]^3
x = 1; x++; x
x--; x
x += 2
x -= 1
x *= 3
x /= 2
0x1F
double(0xff) + 1
'a':'e'
'a':2:'e'
X = [1 2; 3 4]; X(:, 1)'
2^[1 2; 3 4]  % expect error: the matrix exponential) is not supported
