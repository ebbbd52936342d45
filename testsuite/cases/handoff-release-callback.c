// SPDX-License-Identifier: GPL-2.0
/*
 * A reference handed to a release callback: once the function stores a
 * function of the file that drops a count on every path
 * ("job->release = gpu_release_job"), whoever calls that callback owns
 * the reference, and an error return after the store is no leak.  An
 * error return before the store, or a callback that drops nothing,
 * still leaks.  Slice of a GPU job submission ioctl.
 */
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

struct gpu_job {
	struct device *dev;
	void *data;
	void (*release)(struct gpu_job *job);
};

int gpu_job_pin(struct gpu_job *job);
int gpu_job_submit(struct gpu_job *job);
void gpu_job_put(struct gpu_job *job);

static void gpu_release_job(struct gpu_job *job)
{
	kfree(job->data);
	pm_runtime_mark_last_busy(job->dev);
	pm_runtime_put_autosuspend(job->dev);
}

static void gpu_free_job_data(struct gpu_job *job)
{
	kfree(job->data);
}

static int good_gpu_submit(struct gpu_job *job)
{
	int err;

	err = pm_runtime_resume_and_get(job->dev);
	if (err < 0)
		return err;
	job->release = gpu_release_job;

	err = gpu_job_submit(job);
	if (err)
		goto put_job;
	return 0;

put_job:
	gpu_job_put(job);
	return err;
}

static int warn_gpu_submit_pin_first(struct gpu_job *job)
{
	int err;

	err = pm_runtime_resume_and_get(job->dev);
	if (err < 0)
		return err;
	err = gpu_job_pin(job);
	if (err)
		return err;
	job->release = gpu_release_job;
	return gpu_job_submit(job);
}

static int warn_gpu_submit_no_put(struct gpu_job *job)
{
	int err;

	err = pm_runtime_resume_and_get(job->dev);
	if (err < 0)
		return err;
	job->release = gpu_free_job_data;
	err = gpu_job_submit(job);
	if (err)
		return err;
	return 0;
}
/*
 * check-name: a reference handed to a release callback
 *
 * check-output-start
handoff-release-callback.c:64:3: warning: 'warn_gpu_submit_pin_first' returns an error with the runtime PM usage count of 'job->dev' still raised [-Wrpm-leak]
handoff-release-callback.c:59:8: note: 'pm_runtime_resume_and_get' raises the usage count here
handoff-release-callback.c:60:6: note: taking the false branch of 'err < 0'
handoff-release-callback.c:63:6: note: taking the true branch of 'err'
handoff-release-callback.c:79:3: warning: 'warn_gpu_submit_no_put' returns an error with the runtime PM usage count of 'job->dev' still raised [-Wrpm-leak]
handoff-release-callback.c:73:8: note: 'pm_runtime_resume_and_get' raises the usage count here
handoff-release-callback.c:74:6: note: taking the false branch of 'err < 0'
handoff-release-callback.c:78:6: note: taking the true branch of 'err'
 * check-output-end
 */
