#!/usr/bin/env python3
"""Times commands by alternating single runs, for bench/run.sh.

    alternate.py ROUNDS OUT.tsv NAME=COMMAND...

Each round runs every command once, in a shuffled order, with output to /dev/null; OUT.tsv gets
one line per round with each command's wall time in microseconds, under a header of the names.
The first command is the reference: the report takes the median of each round's ratio to it.

hyperfine times all runs of one command before the next; on a machine whose speed drifts over
seconds (a shared VM), a few-millisecond command then compares different machines: the same
build measured 1.47x to 1.61x that way, and 1.66x to 1.67x in alternating rounds.
"""
import os
import random
import shlex
import sys
import time


def main():
    rounds, out = int(sys.argv[1]), sys.argv[2]
    names, commands = [], []
    for arg in sys.argv[3:]:
        name, _, command = arg.partition("=")
        names.append(name)
        commands.append(shlex.split(command))
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]

    def run(argv):
        start = time.perf_counter_ns()
        pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
        os.waitpid(pid, 0)
        return (time.perf_counter_ns() - start) // 1000

    for command in commands:  # warm up: page cache, and the first runs of a fresh binary
        for _ in range(5):
            run(command)
    order = list(range(len(commands)))
    rng = random.Random(1)
    with open(out, "w") as f:
        f.write("\t".join(names) + "\n")
        for _ in range(rounds):
            rng.shuffle(order)
            times = [0] * len(commands)
            for i in order:
                times[i] = run(commands[i])
            f.write("\t".join(map(str, times)) + "\n")


if __name__ == "__main__":
    main()
