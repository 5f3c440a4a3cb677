"""Notebooks that teach (issue 25, item 8): the learner's copy of an exported lesson checks
answers by value with `nnl learn`'s feedback, for the built-in course and for a teacher's own
lesson file, without the solution in the learner's file; `:hint` works in a cell.

usage: test_exercises.py NNL LESSONS_FOLDER   (JUPYTER_PATH must hold the nnl kernelspec)"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

NNL = None
LESSONS = None
HERE = os.path.dirname(os.path.abspath(__file__))


def joined(text):
    return "".join(text) if isinstance(text, list) else text


def outputs_text(cell):
    parts = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            parts.append(joined(output["text"]))
        elif output["output_type"] == "error":
            parts.append("\n".join(output["traceback"]))
    return "".join(parts)


class ExerciseTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.folder)

    def export(self, lesson, *flags):
        path = os.path.join(self.folder, os.path.basename(lesson).replace(".nnl", "") + ("-t" if flags else "") + ".ipynb")
        subprocess.run([NNL, "export", lesson, "--to", "ipynb", "-o", path, *flags], check=True, capture_output=True)
        return nbformat.read(path, as_version=4)

    def answer_cells(self, notebook):
        return [i for i, c in enumerate(notebook.cells) if c.cell_type == "code" and "%@ exercise:" in joined(c.source)]

    def run_notebook(self, notebook):
        """Runs every cell (errors allowed); the executed notebook."""
        NotebookClient(notebook, kernel_name="nnl", timeout=300, allow_errors=True,
                       resources={"metadata": {"path": self.folder}}).execute()
        return notebook

    def test_a_wrong_answer_gets_learns_diagnosis_and_a_right_one_a_tick(self):
        lesson = os.path.join(LESSONS, "01-repl-and-matrices.nnl")
        learner = self.export(lesson)
        self.assertEqual(learner.metadata["nnl"]["lesson"], "01-repl-and-matrices")
        written = nbformat.writes(learner)
        for solution in ("r = sum(A, 2) / 3", "E = A .* A", "col2 = A(:, 2)", "check("):
            self.assertFalse(solution in written, f"{solution} is in the learner's file")
        cells = self.answer_cells(learner)
        product = next(i for i in cells if "C = A * B'" in joined(learner.cells[i].source))
        learner.cells[product].source += "C = zeros(2, 2);\n"  # the right shape, the wrong values
        hint = nbformat.v4.new_code_cell(":hint")
        learner.cells.insert(product + 1, hint)
        after = product + 2
        learner.cells.insert(after, nbformat.v4.new_code_cell(
            joined(learner.cells[product].source).replace("C = zeros(2, 2);", "C = A * transpose(B);")))
        self.run_notebook(learner)
        wrong = outputs_text(learner.cells[product])
        self.assertIn("✗", wrong)
        self.assertIn("`C` is all zeros", wrong)
        self.assertIn("hint 1/2", wrong)
        self.assertIn("hint 2/2", outputs_text(learner.cells[product + 1]))
        self.assertIn("C = A * B'", outputs_text(learner.cells[product + 1]))
        self.assertIn("✓ Correct.", outputs_text(learner.cells[after]))

    def test_the_teachers_answers_all_pass_in_the_learners_copy(self):
        lesson = os.path.join(LESSONS, "07-forward-propagation.nnl")
        learner, teacher = self.export(lesson), self.export(lesson, "--solutions")
        cells = self.answer_cells(learner)
        self.assertTrue(cells)
        for i in cells:
            learner.cells[i].source = joined(learner.cells[i].source) + joined(teacher.cells[i].source)
        NotebookClient(learner, kernel_name="nnl", timeout=600).execute()
        for i in cells:
            self.assertIn("✓ Correct.", outputs_text(learner.cells[i]))

    def test_a_teachers_own_lesson_is_found_at_its_recorded_path(self):
        lesson = os.path.join(self.folder, "teacher-lesson.nnl")
        shutil.copy(os.path.join(HERE, "fixtures", "teacher-lesson.nnl"), lesson)
        learner = self.export(lesson)
        self.assertEqual(learner.metadata["nnl"]["lesson"], lesson)
        sizes, product = self.answer_cells(learner)
        learner.cells[sizes].source += "n_x = 7; n_y = 7;\n"  # positive, as the check asks, but wrong
        learner.cells[product].source += "C = A' * B;\n"
        self.run_notebook(learner)
        self.assertIn("`n_x` is not the expected number", outputs_text(learner.cells[sizes]))
        self.assertIn("✗", outputs_text(learner.cells[product]))
        # nnl learn's diagnosis: the tried edit of the learner's own statement
        self.assertIn("C = A * B';", outputs_text(learner.cells[product]))

    def test_an_unanswered_cell_says_what_is_asked(self):
        learner = self.export(os.path.join(LESSONS, "01-repl-and-matrices.nnl"))
        first = self.answer_cells(learner)[0]
        learner.cells = learner.cells[: first + 1]
        with self.assertRaises(CellExecutionError) as raised:
            NotebookClient(learner, kernel_name="nnl", timeout=300).execute()
        self.assertIn("not assigned yet", str(raised.exception))


if __name__ == "__main__":
    NNL, LESSONS = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    unittest.main(argv=sys.argv[:1], verbosity=2)
