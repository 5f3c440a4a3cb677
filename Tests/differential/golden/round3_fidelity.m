% Issue 23: what a differential run against Octave 7.3 found in the third round, item by item.
function s = total(first, varargin)
  s = first;
  for k = 1:nargin - 1
    s = s + varargin{k};
  end
end
function n = count_inputs(varargin)
  n = nargin;
end
function y = last_input(varargin)
  y = varargin{end};
end
function y = forward(varargin)
  y = total(varargin{:});
end
function s = sum_all(a, varargin)
  s = a + sum([varargin{:}]);
end
function [a, b] = two(x)
  a = x;
  b = 2 * x;
end
function y = act(name, z)
  switch lower(name)
    case 'relu'
      y = max(0, z);
    case {'tanh', 'th'}
      y = tanh(z);
    otherwise
      y = z;
  end
end
% 1. A re-assigned field keeps its place.
s.a = 1; s.b = 2; s.a = 3; s
p = struct(); p.W1 = [1 2]; p.b1 = 0; p.W1 = p.W1 - 1; p
p.W1(2) = 7; p
isfield(p, 'b1'), isfield(p, 'W9')
% 2. Tiny values in a matrix keep their digits.
x = exp([-200 -150])
[-1e-60 1e-60]
[1e-46 1]
[1e-40 1]
[0 1e-320]
[1e-46; 1e-50]
t.a = [1e-46 1]; t
[1.00000005 2]
[16777217.4 1]
x = 1e-46
% 4. Index assignment needs equal counts; the value's elements go in column order.
x = zeros(2, 3); x(:) = ones(3, 2)
x = zeros(2, 3); x(:) = [1 2 3; 4 5 6]'
x = zeros(2, 3); x(1:4) = [1 2; 3 4]
x = 1:6; x([2 4 6]) = [10; 20; 30]
% 5. Dynamic field names, getfield and setfield.
q = struct(); for l = 1:3, q.(['W' num2str(l)]) = l * 10; end, q
l = 2; q.(['W' num2str(l)])
name = 'b1'; q.(name) = [1; 2]; q
getfield(q, 'W3')
q = setfield(q, 'W1', -1); q.W1
q = rmfield(q, 'W2'); isfield(q, 'W2')
% 6. A handle in a variable gives every output.
f = @max; [m, i] = f([3 1 4])
g = @two; [u, v] = g(3)
h = @(x) x.^2; h(3)
% 7. A double-quoted template is unescaped once.
printf("a\\nb\n")
fprintf("C:\\temp\n")
printf('a\\nb\n')
x = sprintf("%d\\t%d", 1, 2)
% 8. Text stays text.
sort('hello')
[s2, k2] = sort('hello', 'descend')
fliplr('abc')
flipud('abc')
x = 'hello'; x(2) = []
x = 'hello'; x(:, 1) = []
x = 'abc'; x(2) = 65
x = 'abc'; x([1 3]) = 'XY'
% 10. Deleting everything keeps Octave's empty shape; two non-colon subscripts are refused.
A = ones(2, 3); A(:, :) = []
x = [1 2 3]; x(1, :) = []
x = [1 2; 3 4]; x(:, 1:2) = []
x = [1 2; 3 4]; x(1:2, :) = []
x = [1 2; 3 4]; x(:) = []
x = [1 2; 3 4]; x(1:4) = []
x = [1; 2; 3]; x(1:3) = []
x = [1 2; 3 4]; x([], 1) = []
% 11. any and all ignore NaN.
any(NaN)
all(NaN)
any([0 NaN])
any([NaN 0; 0 1])
% 13. Octave's pieces the course uses.
for k = [1 3 5], switch k, case 1, disp('one'), case {3, 4}, disp('three or four'), otherwise, disp('other'), end, end
switch 'relu', case {'tanh', 'relu'}, r = 1, otherwise, r = 2, end
switch 'abc', case 'ABC', r = 1, otherwise, r = 2, end
switch [1 2], case [1 2], r = 1, otherwise, r = 0, end
switch 1, case [1 1], r = 1, otherwise, r = 0, end
switch 'a', case 97, r = 1, otherwise, r = 0, end
switch [], case [], r = 1, otherwise, r = 0, end
act('ReLU', -2), act('th', 0), act('none', 5)
total(1, 2, 3)
total(5)
count_inputs(), count_inputs(1, 'a', [1 2])
last_input(1, 'two')
forward(1, 2, 3, 4)
sum_all(1, 2, 3), sum_all(5)
find([0 1 1 0 1], 1, 'last')
find([0 1 1 0 1], 2, 'last')
find([0 1; 1 1], 2, 'last')
find([0 1 1 0 1], 2, 'first')
[r, c, d] = size(ones(2, 3))
[r, c, d, e4] = size(zeros(4, 0))
func2str(@sin)
func2str(@(x) x + 1)
[1:Inf:5]
[ones(0, 2); [1 2]]
[zeros(1, 0); [1 2]]
[ones(2, 0), [1; 2]]
class([[], true])
class([zeros(1, 0), true])
% 7. Escapes of double-quoted text, processed once, as Octave's lexer does.
x = double("a\x41\101\\\"")
printf("%d%%\t|\n", 5)
