"""Every lesson exported with `nnl export --to ipynb` runs top to bottom on the nnl kernel under
nbclient, and shows what the export recorded and what `nnl run` prints.

usage: test_lessons.py NNL LESSON.nnl...   (JUPYTER_PATH must hold the nnl kernelspec)"""
import copy
import os
import subprocess
import sys
import tempfile
import unittest

import nbformat
from nbclient import NotebookClient

NNL = None
LESSONS = []


def joined(text):
    return "".join(text) if isinstance(text, list) else text


def normalized(text):
    """Text without trailing blanks on its lines or blank lines at its end: a shown value's
    text/plain drops the newlines its display ends with."""
    return "\n".join(line.rstrip() for line in text.rstrip().split("\n"))


def cell_text(cell):
    """What a code cell printed and showed on stdout (a figure's text/plain is its terminal
    drawing, as `nnl run` prints it), and its figures' SVG."""
    text, figures = [], []
    for output in cell.get("outputs", []):
        kind = output["output_type"]
        if kind == "stream" and output["name"] == "stdout":
            text.append(joined(output["text"]))
        elif kind == "execute_result":
            text.append(joined(output["data"]["text/plain"]) + "\n")
        elif kind == "display_data" and "image/svg+xml" in output["data"]:
            figures.append(joined(output["data"]["image/svg+xml"]))
            text.append(joined(output["data"]["text/plain"]))
        elif kind == "error":
            raise AssertionError("cell failed: %s: %s\n%s" % (output["ename"], output["evalue"], joined(cell["source"])))
    return normalized("".join(text)), figures


class LessonTests(unittest.TestCase):
    def check_lesson(self, lesson):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "lesson.ipynb")
            subprocess.run([NNL, "export", lesson, "--to", "ipynb", "--solutions", "-o", path], check=True, capture_output=True)
            recorded = nbformat.read(path, as_version=4)
        nbformat.validate(recorded)
        self.assertEqual(recorded.metadata.kernelspec.name, "nnl")
        notebook = copy.deepcopy(recorded)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                cell.outputs = []
        NotebookClient(notebook, kernel_name="nnl", timeout=900).execute()

        printed = []
        for before, after in zip(recorded.cells, notebook.cells):
            if before.cell_type != "code":
                continue
            expected, after_text = cell_text(before), cell_text(after)
            self.assertEqual(after_text[0], expected[0], "cell:\n" + joined(before.source))
            self.assertEqual(after_text[1], expected[1], "figures of cell:\n" + joined(before.source))
            printed.append(after_text[0])

        run = subprocess.run([NNL, "run", lesson], check=True, capture_output=True, text=True)
        lines = lambda text: [line.rstrip() for line in text.split("\n") if line.strip()]
        self.assertEqual(lines("\n".join(printed)), lines(run.stdout))


class LearnerCopyTests(unittest.TestCase):
    """The learner's copy: exercises are cells to fill in, judged by the kernel when they run."""

    def export(self, lesson, *flags):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "lesson.ipynb")
            subprocess.run([NNL, "export", lesson, "--to", "ipynb", "-o", path, *flags], check=True, capture_output=True)
            return nbformat.read(path, as_version=4)

    def test_answers_typed_into_the_learner_copy_pass_their_checks(self):
        lesson = next(l for l in LESSONS if "forward" in l)
        learner, teacher = self.export(lesson), self.export(lesson, "--solutions")
        exercises = [i for i, c in enumerate(learner.cells) if c.cell_type == "code" and joined(c.source).startswith("% ✎")]
        self.assertTrue(exercises, "no exercise cells")
        for i in exercises:
            self.assertNotEqual(joined(learner.cells[i].source), joined(teacher.cells[i].source))
            self.assertEqual(learner.cells[i].outputs, [])
        # Unanswered, the first exercise's cell fails: nothing is assigned.
        unanswered = copy.deepcopy(learner)
        unanswered.cells = unanswered.cells[: exercises[0] + 1]
        with self.assertRaises(Exception):
            NotebookClient(unanswered, kernel_name="nnl", timeout=300).execute()
        # With the answers typed in under the exercise's marker, every cell runs and passes.
        for i in exercises:
            learner.cells[i].source = joined(learner.cells[i].source) + joined(teacher.cells[i].source)
        NotebookClient(learner, kernel_name="nnl", timeout=600).execute()


def add_tests():
    for lesson in LESSONS:
        name = "test_" + os.path.splitext(os.path.basename(lesson))[0].replace("-", "_")
        setattr(LessonTests, name, lambda self, lesson=lesson: self.check_lesson(lesson))


if __name__ == "__main__":
    NNL, LESSONS = os.path.abspath(sys.argv[1]), [p for p in sys.argv[2:] if os.path.isfile(p)]
    if len(LESSONS) != len(sys.argv[2:]) or not LESSONS:
        sys.exit("test_lessons: lessons missing: %s" % " ".join(sys.argv[2:]))
    add_tests()
    unittest.main(argv=sys.argv[:1], verbosity=2)
